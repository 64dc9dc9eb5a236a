//! The shell's heap, on Linux with glibc: two arenas, and the memory a finished note
//! freed given back to the system. With glibc's defaults (eight arenas a core, freed
//! memory kept for reuse), `scripts/soak-app` saw the shell's private memory grow about
//! 2 MB a take over a day of takes, most of it memory already freed; see
//! docs/benchmarks.md.

/// At start, before any thread is made.
pub fn configure() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called before any other
    // thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Once a note is made, or a take or a note is done with (sent, thrown away): what it
/// freed goes back to the system, on a thread of its own (it walks the heap).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    std::thread::spawn(|| {
        // SAFETY: malloc_trim only returns free memory; it is safe from any thread.
        unsafe {
            libc::malloc_trim(0);
        }
    });
}
