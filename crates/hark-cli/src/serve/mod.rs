//! `hark serve`: the local send API. Programs on this computer (or, when asked, the
//! team's network) send voice notes through Hark with the request shape hosted
//! voice-note services take; the notes go through the same outbox, history and pacing
//! as the app's and the command line's. Bound to 127.0.0.1 unless told otherwise.

mod routes;
mod status;
mod wire;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use hark_core::api::{ApiKeys, ApiSends, Sessions, Worker};
use hark_core::i18n::Words;
use hark_core::outbox::Outbox;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::say;

pub use routes::Doc;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = "127.0.0.1:8787", value_name = "ADDRESS:PORT")]
    listen: SocketAddr,
    #[arg(long, default_value_t = 4, value_parser = crate::lang::count)]
    workers: usize,
    #[arg(long, default_value_t = hark_core::api::MOST_QUEUED, value_parser = crate::lang::count)]
    queue_limit: usize,
    #[arg(long)]
    openapi: bool,
}

pub fn run(args: Args) -> Ran {
    if args.openapi {
        println!("{}", openapi());
        return Ok(Exit::Ok);
    }
    let outbox = Outbox::open_default().or_report(false)?;
    // One server per data folder: the queue's recovery takes what it finds under way
    // as left by a process that stopped.
    let _lock = lock(outbox.data_dir())?;
    let keys = ApiKeys::new(outbox.db().clone());
    let sessions = Arc::new(Sessions::default());
    let worker = Worker::new(outbox.clone(), sessions.clone());
    // What a process that stopped left open is settled before anything new.
    worker.recover().or_report(false)?;
    if !keys
        .list()
        .or_report(false)?
        .iter()
        .any(|k| k.revoked_at.is_none())
    {
        eprintln!("{}", say(&Words::new("cli-serve-no-key")));
    }
    if !args.listen.ip().is_loopback() {
        eprintln!(
            "{}",
            say(&Words::new("cli-serve-not-loopback").text("address", args.listen.to_string()))
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = match runtime.block_on(tokio::net::TcpListener::bind(args.listen)) {
        Ok(l) => l,
        Err(e) => {
            let words = Words::new("cli-serve-cannot-listen")
                .text("address", args.listen.to_string())
                .text("detail", e.to_string());
            return Err(anyhow::anyhow!(say(&words)).into());
        }
    };
    let bound = listener.local_addr()?;
    println!(
        "{}",
        say(&Words::new("cli-serve-listening").text("url", format!("http://{bound}")))
    );

    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = (0..args.workers.max(1))
        .map(|_| {
            let worker = worker.clone();
            let stop = stop.clone();
            std::thread::spawn(move || worker.run(&stop))
        })
        .collect();
    let api = Arc::new(routes::Api {
        sends: ApiSends::new(outbox.db().clone()),
        outbox,
        keys,
        sessions: sessions.clone(),
        queue_limit: args.queue_limit,
    });
    let app = routes::router(api).layer(axum::middleware::from_fn(log));
    let served = runtime.block_on(async {
        axum::serve(listener, app)
            .with_graceful_shutdown(stopped())
            .await
    });
    // Sends under way finish; queued ones wait for the next start.
    stop.store(true, Ordering::Relaxed);
    sessions.ring();
    for w in workers {
        let _ = w.join();
    }
    worker.finish();
    served?;
    Ok(Exit::Ok)
}

/// Holds the data folder's server lock for as long as the file stays open.
fn lock(data_dir: &std::path::Path) -> Result<std::fs::File, crate::failure::Failure> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join("serve.lock"))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(_) => {
            let words = Words::new("cli-serve-already").text("dir", data_dir.display().to_string());
            Err(anyhow::anyhow!(say(&words)).into())
        }
    }
}

/// The OpenAPI document, as `GET /openapi.json` answers it.
pub fn openapi() -> String {
    use utoipa::OpenApi;
    let mut doc = Doc::openapi();
    doc.info.version = hark_core::VERSION.to_owned();
    doc.to_pretty_json().expect("the document serialises")
}

/// One line per request on stderr: method, path, status, time. Never a header, a
/// query or a body (they carry keys, links and credentials).
async fn log(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let began = Instant::now();
    let response = next.run(request).await;
    eprintln!(
        "{method} {path} {} {} ms",
        response.status().as_u16(),
        began.elapsed().as_millis()
    );
    response
}

/// Ctrl+C, or SIGTERM (a service manager's stop).
async fn stopped() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

#[cfg(test)]
mod tests {
    /// The OpenAPI document in docs/ is the one the code makes (HARK_UPDATE_OPENAPI=1
    /// writes it).
    #[test]
    fn the_openapi_document_in_docs_is_the_codes() {
        let made = super::openapi().replace(hark_core::VERSION, "VERSION");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.json");
        if std::env::var_os("HARK_UPDATE_OPENAPI").is_some() {
            std::fs::write(&path, format!("{made}\n")).unwrap();
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            kept.trim_end(),
            made,
            "docs/openapi.json is not the code's: HARK_UPDATE_OPENAPI=1 cargo test -p hark-cli openapi"
        );
    }
}
