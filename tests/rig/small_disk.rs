//! A small disk: a tmpfs mounted over a folder for a test's life, to be filled (needs
//! root, as CI runs).

use std::process::Command;

/// A small tmpfs mounted over `dir` for the test's life.
pub struct SmallDisk {
    dir: std::path::PathBuf,
}

impl SmallDisk {
    pub fn mount(dir: &std::path::Path, size: &str) -> SmallDisk {
        std::fs::create_dir_all(dir).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .expect("mount runs");
        assert!(
            status.success(),
            "mounting a {size} tmpfs needs root (CI runs as root)"
        );
        SmallDisk {
            dir: dir.to_path_buf(),
        }
    }

    /// Frees what `fill` took.
    pub fn empty(&self) {
        let _ = std::fs::remove_file(self.dir.join("filler"));
    }

    /// Writes a file until the disk refuses another byte.
    pub fn fill(&self) {
        let mut filler = std::fs::File::create(self.dir.join("filler")).unwrap();
        let block = vec![0u8; 64 * 1024];
        while std::io::Write::write_all(&mut filler, &block).is_ok() {}
        while std::io::Write::write_all(&mut filler, &[0]).is_ok() {}
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}
