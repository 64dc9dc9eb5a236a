//! A real file server for links: Python's http.server on 127.0.0.1.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::process::Daemon;

/// Python's http.server serving `dir` on 127.0.0.1: the daemon and its address.
pub fn file_server(dir: &Path) -> (Daemon, String) {
    let mut daemon = Daemon::spawn(
        "python3 -m http.server",
        Command::new("python3")
            .args(["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    let out = daemon.child().stdout.take().expect("its output");
    let mut first = String::new();
    BufReader::new(out)
        .read_line(&mut first)
        .expect("it says where it serves");
    // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
    let port = first
        .split_whitespace()
        .skip_while(|w| *w != "port")
        .nth(1)
        .unwrap_or_else(|| panic!("no port in {first:?}"));
    (daemon, format!("http://127.0.0.1:{port}"))
}

/// An https file server for links: Python's http.server behind TLS on 127.0.0.1, its
/// certificate (for `localhost`) signed by a test authority of its own. `/redirect?to=URL`
/// answers 302 to URL. Returns the daemon, its address (`https://localhost:PORT`) and
/// the authority's certificate (PEM), which a program trusts through `SSL_CERT_FILE`.
pub fn https_file_server(dir: &Path, certs: &Path) -> (Daemon, String, std::path::PathBuf) {
    std::fs::create_dir_all(certs).expect("a folder for the certificates");
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(certs)
            .output()
            .expect("openssl runs");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    openssl(
        &[
            &["req", "-x509"][..],
            &ec,
            &["-keyout", "ca.key", "-out", "ca.pem", "-days", "2"],
            &["-subj", "/CN=Hark test authority"],
            &["-addext", "basicConstraints=critical,CA:TRUE"],
            &["-addext", "keyUsage=critical,keyCertSign"],
        ]
        .concat(),
    );
    openssl(
        &[
            &["req"][..],
            &ec,
            &[
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost",
            ],
        ]
        .concat(),
    );
    std::fs::write(
        certs.join("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n\
         extendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "server.ext",
    ]);
    let script = r#"
import functools, http.server, ssl, sys, urllib.parse

class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", urllib.parse.parse_qs(url.query)["to"][0])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()

server = http.server.ThreadingHTTPServer(
    ("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[2], sys.argv[3])
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
"#;
    let mut daemon = Daemon::spawn(
        "python3 https file server",
        Command::new("python3")
            .args(["-u", "-c", script])
            .arg(dir)
            .arg(certs.join("server.pem"))
            .arg(certs.join("server.key"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    let out = daemon.child().stdout.take().expect("its output");
    let mut port = String::new();
    BufReader::new(out)
        .read_line(&mut port)
        .expect("it says its port");
    let base = format!("https://localhost:{}", port.trim());
    (daemon, base, certs.join("ca.pem"))
}
