//! The webhook event names each server generation accepts.

/// The 26 events Evolution API 1.8.2 accepts, in the order the server lists them in its
/// `is not one of enum values` message (and expands `"events": []` to).
pub const EVENTS_V1_8: [&str; 26] = [
    "APPLICATION_STARTUP",
    "QRCODE_UPDATED",
    "MESSAGES_SET",
    "MESSAGES_UPSERT",
    "MESSAGES_UPDATE",
    "MESSAGES_DELETE",
    "SEND_MESSAGE",
    "CONTACTS_SET",
    "CONTACTS_UPSERT",
    "CONTACTS_UPDATE",
    "PRESENCE_UPDATE",
    "CHATS_SET",
    "CHATS_UPSERT",
    "CHATS_UPDATE",
    "CHATS_DELETE",
    "GROUPS_UPSERT",
    "GROUP_UPDATE",
    "GROUP_PARTICIPANTS_UPDATE",
    "CONNECTION_UPDATE",
    "LABELS_EDIT",
    "LABELS_ASSOCIATION",
    "CALL",
    "NEW_JWT_TOKEN",
    "TYPEBOT_START",
    "TYPEBOT_CHANGE_STATUS",
    "CHAMA_AI_ACTION",
];

/// The 31 events Evolution API 2.3.6 knows, in its order (`"events": []` expands to this list).
pub const EVENTS_V2: [&str; 31] = [
    "APPLICATION_STARTUP",
    "QRCODE_UPDATED",
    "MESSAGES_SET",
    "MESSAGES_UPSERT",
    "MESSAGES_EDITED",
    "MESSAGES_UPDATE",
    "MESSAGES_DELETE",
    "SEND_MESSAGE",
    "SEND_MESSAGE_UPDATE",
    "CONTACTS_SET",
    "CONTACTS_UPSERT",
    "CONTACTS_UPDATE",
    "PRESENCE_UPDATE",
    "CHATS_SET",
    "CHATS_UPSERT",
    "CHATS_UPDATE",
    "CHATS_DELETE",
    "GROUPS_UPSERT",
    "GROUP_UPDATE",
    "GROUP_PARTICIPANTS_UPDATE",
    "CONNECTION_UPDATE",
    "LABELS_EDIT",
    "LABELS_ASSOCIATION",
    "CALL",
    "TYPEBOT_START",
    "TYPEBOT_CHANGE_STATUS",
    "REMOVE_INSTANCE",
    "LOGOUT_INSTANCE",
    "INSTANCE_CREATE",
    "INSTANCE_DELETE",
    "STATUS_INSTANCE",
];

/// 2.4's event after the end of a history sync (`messaging-history.set`, with message, chat and
/// contact counts). 2.3.x does not know it: a webhook or sink given at create stores it unchecked,
/// and it is never sent.
pub const HISTORY_SET: &str = "MESSAGING_HISTORY_SET";

/// The 32 events of Evolution API 2.4, in its order: 2.3.6's with [`HISTORY_SET`] after
/// `TYPEBOT_CHANGE_STATUS` (`event.controller.ts`, `EventController.events`).
pub const EVENTS_V2_4: [&str; 32] = {
    let mut all = [""; 32];
    let mut i = 0;
    while i < 31 {
        all[if i < 26 { i } else { i + 1 }] = EVENTS_V2[i];
        i += 1;
    }
    all[26] = HISTORY_SET;
    all
};

/// Events only 1.x knows (no 2.x counterpart).
pub const ONLY_V1: [&str; 2] = ["NEW_JWT_TOKEN", "CHAMA_AI_ACTION"];

#[cfg(test)]
mod tests {
    #[test]
    fn every_event_is_described_once() {
        for e in super::EVENTS_V1_8.iter().chain(&super::EVENTS_V2) {
            assert!(!crate::render::describe(e, crate::i18n::Lang::En).is_empty(), "{e}");
        }
        let mut sorted = super::EVENTS_V1_8.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 26);
        let mut v2 = super::EVENTS_V2.to_vec();
        v2.sort_unstable();
        v2.dedup();
        assert_eq!(v2.len(), 31);
        let only_v1: Vec<_> = super::EVENTS_V1_8.iter().filter(|e| !super::EVENTS_V2.contains(e)).copied().collect();
        assert_eq!(only_v1, super::ONLY_V1);
        assert!(!crate::render::describe(super::HISTORY_SET, crate::i18n::Lang::En).is_empty());
    }

    #[test]
    fn version_2_4_adds_the_history_event_after_the_typebot_ones() {
        use super::*;
        assert_eq!(EVENTS_V2_4[25..28], ["TYPEBOT_CHANGE_STATUS", HISTORY_SET, "REMOVE_INSTANCE"]);
        assert_eq!(EVENTS_V2_4.iter().filter(|e| **e != HISTORY_SET).copied().collect::<Vec<_>>(), EVENTS_V2);
        use crate::fields::Profile;
        let v = crate::version::ServerVersion::parse;
        assert_eq!(Profile::V2.offered_events(v("2.4.0-rc2")).len(), 32);
        assert_eq!(Profile::V2.offered_events(v("2.3.7")).len(), 31);
        assert_eq!(Profile::V2.offered_events(None).len(), 31);
        assert_eq!(Profile::V1.offered_events(v("2.4.0")).len(), 26);
    }
}
