//! `evo-sandbox`: runs the Evolution-compatible sandbox API on 127.0.0.1.

use std::process::ExitCode;
use std::time::Duration;

use evo_sandbox::v2_4::Release;
use evo_sandbox::{router, ApiVersion, CorsPolicy, Options};

const USAGE: &str =
    "usage: evo-sandbox [--api-version 1|2|2.4] [--activated] [--port N] [--key KEY] [--cors-origin '*'|ORIGIN[,ORIGIN…]] [--no-qr]
                   [--create-delay-ms N] [--qr-period-ms N] [--qr-limit N] [--chatwoot] [--seed-instances N]
                   [--websocket] [--rabbitmq] [--sqs] [--nats] [--kafka] [--pusher]
                   [--proxies-reachable] [--proxy-write-delay-ms N]

  --api-version 1|2|2.4
                       answer as Evolution API 1.8.2 (1, the default), 2.3.6 (2) or 2.4.0-rc2 (2.4: 2.3.6
                       plus 2.4's changes, and a licence gate: until the licence is active every route
                       but /, /license/*, /manager… and static files answers 503 LICENSE_REQUIRED)
  --activated, --licence active|inactive
                       2.4: start with the licence active (default inactive); test-only
                       GET|POST /__sandbox/licence {\"active\": bool} reads or flips it later
  --port N             port on 127.0.0.1 (default 8081; 0 picks a free one)
  --key KEY            the global API key (default sandbox-global-key)
  --cors-origin LIST   like the server's CORS_ORIGIN: '*' (default) or an exact comma list
  --no-qr              answer qrcode:true with {\"count\":0}, like a server that cannot reach WhatsApp
                       (with --api-version 2 the instance then stays close, like the recorded 2.3.6 server)
  --create-delay-ms N  wait N ms before answering a create (the real server waits 5000 with a QR)
  --qr-period-ms N     how often a connecting instance's QR code rotates (default 45000)
  --qr-limit N         QR codes per session before the server gives up (default 30)
  --seed-instances N   start with N instances (seed-001…): a third connected, a third connecting,
                       a third closed
  --chatwoot           v2: the server has CHATWOOT_ENABLED=true (default off: the Chatwoot fields
                       of a create get 400 \"Chatwoot is not enabled\", chatwoot/set|find 400
                       \"Chatwoot is disabled\")
  --websocket, --rabbitmq, --sqs, --nats, --kafka, --pusher
                       the server has that event sink switched on (default: all off, as on the
                       recorded servers; nats, kafka and pusher exist in 2.3.6 only). Off, 2.3.6
                       answers a sink's set/find with an empty body; 1.8.2 stores the config anyway
                       and its rabbitmq/sqs set answer 500 after storing
  --proxies-reachable  a demo switch: proxy tests pass (http/https in 1.8.2, http/socks in 2.3.6).
                       Default: like the recorded servers the sandbox has no internet, so every
                       enabled proxy gets 400 \"Invalid proxy\"
  --proxy-write-delay-ms N
                       v2: a proxy/set reaches the database N ms after its 201 (default 500; the
                       recorded server answered before writing)

Test-only control endpoints: POST /__sandbox/scan/{name} (the phone scanned: state -> open after a
close/connecting blip), POST /__sandbox/fault {path, status, body, content_type, delay_ms, drop, times},
POST /__sandbox/next-create (a fault on the next create), GET|DELETE /__sandbox/requests (the
request log); in both API versions.";

fn parse(args: &[String]) -> Result<(u16, Options, usize), String> {
    let mut opts = Options::default();
    let mut port = 8081;
    let mut seed = 0;
    let mut licence = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--api-version" => {
                let v = value()?;
                opts.config.release = if v == "2.4" { Release::V2_4 { activated: false } } else { Release::V2_3_6 };
                opts.config.api_version = match v.as_str() {
                    "1" => ApiVersion::V1,
                    "2" | "2.4" => ApiVersion::V2,
                    _ => return Err("--api-version takes 1, 2 or 2.4".into()),
                }
            }
            "--activated" => licence = Some(true),
            "--licence" => {
                licence = Some(match value()?.as_str() {
                    "active" => true,
                    "inactive" => false,
                    _ => return Err("--licence takes active or inactive".into()),
                })
            }
            "--chatwoot" => opts.config.chatwoot_enabled = true,
            "--proxies-reachable" => opts.config.proxies_reachable = true,
            "--proxy-write-delay-ms" => {
                opts.config.proxy_write_delay = Duration::from_millis(
                    value()?.parse().map_err(|_| "--proxy-write-delay-ms takes a number".to_string())?,
                )
            }
            "--port" => port = value()?.parse().map_err(|_| "--port takes a number".to_string())?,
            "--key" => opts.config.global_key = value()?.clone(),
            "--cors-origin" => opts.cors = CorsPolicy::parse(value()?),
            "--no-qr" => opts.config.produce_qr = false,
            "--create-delay-ms" => {
                opts.create_delay =
                    Duration::from_millis(value()?.parse().map_err(|_| "--create-delay-ms takes a number".to_string())?)
            }
            "--qr-period-ms" => {
                opts.config.qr_period =
                    Duration::from_millis(value()?.parse().map_err(|_| "--qr-period-ms takes a number".to_string())?)
            }
            "--seed-instances" => seed = value()?.parse().map_err(|_| "--seed-instances takes a number".to_string())?,
            "--qr-limit" => {
                opts.config.qr_limit = value()?.parse().map_err(|_| "--qr-limit takes a number".to_string())?
            }
            "-h" | "--help" => return Err(String::new()),
            // --websocket, --rabbitmq, --sqs, --nats, --kafka, --pusher: a sink switched on.
            other => {
                if !other.strip_prefix("--").is_some_and(|n| opts.config.sinks.enable(n)) {
                    return Err(format!("unknown argument {other}"));
                }
            }
        }
    }
    match (&mut opts.config.release, licence) {
        (Release::V2_4 { activated }, Some(a)) => *activated = a,
        (Release::V2_3_6, Some(_)) => return Err("--activated and --licence need --api-version 2.4".into()),
        _ => {}
    }
    if opts.config.api_version == ApiVersion::V2 && !opts.config.produce_qr {
        // The recorded 2.3.6 server could not reach WhatsApp: its connections closed at once.
        opts.config.instant_failure = true;
    }
    Ok((port, opts, seed))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (port, mut opts, seed_instances) = match parse(&args) {
        Ok(p) => p,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("evo-sandbox: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("evo-sandbox: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::from(1);
        }
    };
    let addr = listener.local_addr().expect("a bound socket has an address");
    opts.config.public_url = format!("http://{addr}");
    println!(
        "Evolution sandbox API ({:?}) listening on http://{addr} (global API key: {}, CORS: {:?})",
        opts.config.api_version, opts.config.global_key, opts.cors
    );
    if let Release::V2_4 { activated } = opts.config.release {
        let state = if activated { "active" } else { "inactive: business routes answer 503" };
        println!("answering as 2.4.0-rc2, licence {state} (POST /__sandbox/licence {{\"active\": bool}} flips it)");
    }
    let (version, key) = (opts.config.api_version, opts.config.global_key.clone());
    let app = router(opts);
    if seed_instances > 0 {
        evo_sandbox::licence::seed(&app, seed_instances, version, &key).await;
        println!("seeded {seed_instances} instances (seed-001…)");
    }
    let serve = axum::serve(listener, app).with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    });
    if let Err(e) = serve.await {
        eprintln!("evo-sandbox: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
