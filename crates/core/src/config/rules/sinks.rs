//! E1–E13: websocket, rabbitmq, sqs (both generations), nats, kafka, pusher (2.x). E1, E2, E4, E6
//! (the `<name>` key, with `{"enabled": true, "events": []}` as its fix) and E12 are table-driven
//! (`cx.rs`); E13 is in `rules/mod.rs`.

use super::super::cx::{Cx, WithFixRef};
use super::super::Endpoint;
use crate::fields::Profile;
use crate::lint::{Code, Severity};
use crate::msg::keys::lint_config as t;

pub(super) fn check(cx: &mut Cx) {
    let v1 = cx.profile == Profile::V1;
    let name = cx.endpoint.id();
    let parent = if v1 { String::new() } else { name.to_owned() };
    let p = |k: &str| if v1 { k.to_owned() } else { format!("{name}.{k}") };
    if !v1 && cx.value(name).and_then(|v| v.members()).is_none() {
        return;
    }
    // E3: enabled without events is a 500.
    if cx.is_true(&p("enabled")) && cx.value(&p("events")).is_none() {
        let at = if v1 { cx.top() } else { cx.member(name).map_or(cx.top(), |m| m.key_span) };
        let fix = cx.insert(&parent, "events", "[]").map(|e| cx.fix(t::fix_add, &["events: []"], vec![e]));
        cx.say(Severity::Error, Code::EnabledWithoutEvents, at, t::w3, &[&p("events")]).with_fix_opt_ref(fix);
    }
    let at = cx.member(if v1 { "enabled" } else { name }).map_or(cx.top(), |m| m.key_span);
    let var = match cx.endpoint {
        Endpoint::Websocket => "WEBSOCKET_ENABLED",
        Endpoint::Rabbitmq => "RABBITMQ_ENABLED",
        Endpoint::Sqs => "SQS_ENABLED",
        Endpoint::Nats => "NATS_ENABLED",
        Endpoint::Kafka => "KAFKA_ENABLED",
        _ => "PUSHER_ENABLED",
    };
    if v1 {
        let v1_var = match cx.endpoint {
            Endpoint::Websocket => "WEBSOCKET.ENABLED",
            Endpoint::Rabbitmq => "RABBITMQ.ENABLED",
            _ => "SQS.ENABLED",
        };
        if cx.endpoint == Endpoint::Websocket {
            // E7
            cx.say(Severity::Warning, Code::ConfigServerSwitch, at, t::e7, &[name, v1_var]);
        } else {
            // E8 (and E7)
            cx.say(Severity::Warning, Code::ConfigStoredOnError, at, t::e8, &[name, v1_var]);
        }
        if cx.is_false("enabled") {
            // E9
            cx.say(Severity::Warning, Code::ConfigDisable, at, t::e9, &[]);
        }
        if cx.endpoint == Endpoint::Sqs {
            // E10
            cx.say(Severity::Info, Code::ConfigNote, at, t::e10, &[]);
        }
    } else if cx.endpoint == Endpoint::Pusher {
        // E11
        cx.say(Severity::Warning, Code::ConfigServerSwitch, at, t::e11, &[]);
    } else {
        // E5
        cx.say(Severity::Warning, Code::ConfigServerSwitch, at, t::e5, &[name, var]);
    }
}
