//! Another program holding Hark's database: SQLite's write lock taken by Python's
//! sqlite3 (a separate process, as a second Hark or a backup tool would be) and kept
//! until the value is dropped. Readers still read (WAL); writers wait, then fail.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub struct DbLock {
    child: Child,
}

impl DbLock {
    /// Takes the write lock on the database at `path`; returns once it is held.
    pub fn hold(path: &Path) -> DbLock {
        let mut child = Command::new("python3")
            .args([
                "-c",
                "import sqlite3, sys\n\
                 c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)\n\
                 c.execute('BEGIN EXCLUSIVE')\n\
                 print('locked', flush=True)\n\
                 sys.stdin.read()",
            ])
            .arg(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().expect("piped"))
            .read_line(&mut line)
            .expect("python3 answers");
        assert_eq!(line.trim(), "locked", "the database lock was not taken");
        DbLock { child }
    }
}

impl Drop for DbLock {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}
