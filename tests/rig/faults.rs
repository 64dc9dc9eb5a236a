//! A fault-injecting HTTP proxy, put between `hark` and a strict fake: it passes each
//! request through unchanged, or, for the next request whose path contains a chosen
//! text, does what a bad network or a misconfigured server does (resets after the
//! platform took the request, goes silent, answers unreadably, redirects elsewhere,
//! answers too much, says "slow down").
//!
//! One request per connection (it answers `Connection: close`), so each fault meets
//! exactly the request it was meant for.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the proxy does with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The platform gets the request and answers; the client's connection is reset
    /// before any of the answer reaches it.
    ResetAfterRequest,
    /// The client's connection is reset as soon as its request is read; the platform
    /// never sees it.
    ResetBeforePlatform,
    /// The platform gets the request and answers; the client hears nothing more.
    SilenceAfterRequest,
    /// The platform gets the request; the client gets `200 OK` with a body no platform
    /// sends.
    Unreadable2xx,
    /// The platform never sees the request; the client gets `200 OK` with an empty
    /// JSON object, a success without any field the platform documents.
    Empty2xxNotForwarded,
    /// The platform never sees the request; the client is redirected (status, URL).
    Redirect(u16, String),
    /// The platform gets the request; the client gets `200 OK` and 2 MB of JSON.
    Oversize,
    /// The platform never sees the request; the client gets 429 with `Retry-After`
    /// in seconds.
    TooManyRequests(u64),
    /// The platform never sees the request; the client waits, unanswered, until it
    /// gives up or dies.
    Hold,
    /// The request waits this long, then goes through as usual.
    Delay(Duration),
    /// The request waits until the test next calls `open_gate`, then goes through as
    /// usual: a send held under way for exactly as long as the test needs.
    Gate,
}

/// A request that came through, and what was done with it.
#[derive(Debug, Clone)]
pub struct Passed {
    pub method: String,
    pub path: String,
    pub fault: Option<Fault>,
}

#[derive(Default)]
struct Plan {
    faults: Vec<(String, Fault)>,
    log: Vec<Passed>,
}

/// A running proxy; stops taking connections when dropped.
pub struct FaultProxy {
    /// `http://127.0.0.1:port`, to use as the account's API base.
    pub base: String,
    plan: Arc<Mutex<Plan>>,
    gate: Arc<Gate>,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

/// How many times the gate has opened, and the wake-up gated requests wait for.
#[derive(Default)]
struct Gate {
    openings: Mutex<u64>,
    opened: std::sync::Condvar,
}

impl Gate {
    /// Holds the calling request until the next `open_gate`.
    fn wait_for_opening(&self) {
        let openings = self.openings.lock().unwrap();
        let arrived = *openings;
        drop(self.opened.wait_while(openings, |n| *n == arrived).unwrap());
    }
}

impl FaultProxy {
    /// A proxy in front of `upstream` (`http://127.0.0.1:port`).
    pub fn start(upstream: &str) -> FaultProxy {
        let upstream = upstream
            .strip_prefix("http://")
            .expect("an http:// upstream")
            .trim_end_matches('/')
            .to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let plan = Arc::new(Mutex::new(Plan::default()));
        let gate = Arc::new(Gate::default());
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (p, g, s) = (plan.clone(), gate.clone(), stop.clone());
        std::thread::Builder::new()
            .name("fault-proxy".into())
            .spawn(move || {
                for client in listener.incoming() {
                    if s.load(std::sync::atomic::Ordering::SeqCst) {
                        break;
                    }
                    let Ok(client) = client else { continue };
                    let (p, g, upstream) = (p.clone(), g.clone(), upstream.clone());
                    std::thread::spawn(move || serve(client, &upstream, &p, &g));
                }
            })
            .expect("spawn the proxy");
        FaultProxy {
            base,
            plan,
            gate,
            stop,
        }
    }

    /// Lets the requests held by `Fault::Gate` go on (those gated later wait for the
    /// next opening).
    pub fn open_gate(&self) {
        *self.gate.openings.lock().unwrap() += 1;
        self.gate.opened.notify_all();
    }

    /// Does `fault` to the next request whose path contains `path`.
    pub fn fault(&self, path: &str, fault: Fault) {
        self.plan
            .lock()
            .unwrap()
            .faults
            .push((path.to_owned(), fault));
    }

    /// Every request so far.
    pub fn log(&self) -> Vec<Passed> {
        self.plan.lock().unwrap().log.clone()
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wake the accept loop so that it sees the stop.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

/// A whole HTTP/1.1 request or answer: its head lines and its body bytes as sent.
struct Message {
    head: Vec<String>,
    body: Vec<u8>,
}

fn read_message(reader: &mut BufReader<TcpStream>, until_close: bool) -> Option<Message> {
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end_matches(['\r', '\n']).to_owned();
        if line.is_empty() {
            break;
        }
        head.push(line);
    }
    let header = |name: &str| {
        head.iter().skip(1).find_map(|h| {
            let (k, v) = h.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_owned())
        })
    };
    let mut body = Vec::new();
    if let Some(len) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        body.resize(len, 0);
        reader.read_exact(&mut body).ok()?;
    } else if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        // Kept as sent (the chunk framing included): passed on as it is.
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).ok()?;
            body.extend_from_slice(size.as_bytes());
            let n = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk).ok()?;
            body.extend_from_slice(&chunk);
            if n == 0 {
                break;
            }
        }
    } else if until_close {
        reader.read_to_end(&mut body).ok()?;
    }
    Some(Message { head, body })
}

fn write_message(stream: &mut TcpStream, head: &[String], body: &[u8]) -> std::io::Result<()> {
    let mut out = Vec::new();
    for line in head {
        let name = line.split(':').next().unwrap_or_default().trim();
        if name.eq_ignore_ascii_case("connection") {
            continue;
        }
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"connection: close\r\n\r\n");
    out.extend_from_slice(body);
    stream.write_all(&out)?;
    stream.flush()
}

fn answer(client: &mut TcpStream, status: &str, extra: &[String], body: &[u8]) {
    let mut head = vec![format!("HTTP/1.1 {status}")];
    head.extend_from_slice(extra);
    head.push(format!("content-length: {}", body.len()));
    let _ = write_message(client, &head, body);
}

/// Resets the connection: the peer reads "connection reset", not an orderly end.
fn reset(stream: TcpStream) {
    let socket = socket2::SockRef::from(&stream);
    let _ = socket.set_linger(Some(Duration::ZERO));
    drop(stream);
}

/// Sends `request` to the platform and reads its whole answer.
fn forward(upstream: &str, request: &Message) -> Option<Message> {
    let mut up = TcpStream::connect(upstream).ok()?;
    up.set_read_timeout(Some(Duration::from_secs(60))).ok()?;
    write_message(&mut up, &request.head, &request.body).ok()?;
    let mut reader = BufReader::new(up);
    read_message(&mut reader, true)
}

fn serve(client: TcpStream, upstream: &str, plan: &Mutex<Plan>, gate: &Gate) {
    let mut reader = BufReader::new(client.try_clone().expect("clone the client"));
    let Some(request) = read_message(&mut reader, false) else {
        return;
    };
    let mut words = request.head[0].split_whitespace();
    let method = words.next().unwrap_or_default().to_owned();
    let path = words.next().unwrap_or_default().to_owned();
    let fault = {
        let mut plan = plan.lock().unwrap();
        let at = plan.faults.iter().position(|(p, _)| path.contains(p));
        let fault = at.map(|i| plan.faults.remove(i).1);
        plan.log.push(Passed {
            method,
            path,
            fault: fault.clone(),
        });
        fault
    };
    let mut client = client;
    match fault.clone() {
        None => match forward(upstream, &request) {
            Some(reply) => {
                let _ = write_message(&mut client, &reply.head, &reply.body);
            }
            None => reset(client),
        },
        Some(held @ (Fault::Delay(_) | Fault::Gate)) => {
            match held {
                Fault::Delay(wait) => std::thread::sleep(wait),
                _ => gate.wait_for_opening(),
            }
            match forward(upstream, &request) {
                Some(reply) => {
                    let _ = write_message(&mut client, &reply.head, &reply.body);
                }
                None => reset(client),
            }
        }
        Some(Fault::ResetAfterRequest) => {
            let _ = forward(upstream, &request);
            reset(client);
        }
        Some(Fault::ResetBeforePlatform) => reset(client),
        Some(Fault::SilenceAfterRequest | Fault::Hold) => {
            if fault == Some(Fault::SilenceAfterRequest) {
                let _ = forward(upstream, &request);
            }
            // Hold the connection open, saying nothing, until the client gives up.
            let mut sink = [0u8; 1024];
            let _ = client.set_read_timeout(Some(Duration::from_secs(120)));
            while matches!(client.read(&mut sink), Ok(n) if n > 0) {}
        }
        Some(Fault::Unreadable2xx) => {
            let _ = forward(upstream, &request);
            answer(
                &mut client,
                "200 OK",
                &["content-type: text/html".into()],
                b"<html><body>Service temporarily rerouted</body></html>",
            );
        }
        Some(Fault::Empty2xxNotForwarded) => answer(
            &mut client,
            "200 OK",
            &["content-type: application/json".into()],
            b"{}",
        ),
        Some(Fault::Redirect(status, to)) => answer(
            &mut client,
            &format!("{status} Moved"),
            &[format!("location: {to}")],
            b"",
        ),
        Some(Fault::Oversize) => {
            let _ = forward(upstream, &request);
            let mut body = b"{\"pad\":\"".to_vec();
            body.resize(2 << 20, b'x');
            body.extend_from_slice(b"\"}");
            answer(
                &mut client,
                "200 OK",
                &["content-type: application/json".into()],
                &body,
            );
        }
        Some(Fault::TooManyRequests(secs)) => answer(
            &mut client,
            "429 Too Many Requests",
            &[
                format!("retry-after: {secs}"),
                "content-type: text/plain".into(),
            ],
            b"Too Many Requests",
        ),
    }
    let _ = reader.get_ref().shutdown(Shutdown::Both);
}
