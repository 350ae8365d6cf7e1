//! The one way the command line prints: every write to standard output is
//! checked, and a failure ends the command with a message instead of a
//! panic or a silent exit 0.
//!
//! - A write error (a full disk, `> /dev/full`) is [`Failure::Output`]:
//!   exit 1, `diplomap: cannot write to standard output: …` on stderr.
//! - A closed pipe (`diplomap index --json | head`) ends the command
//!   quietly with exit 0: the reader chose to stop reading. (Rust ignores
//!   SIGPIPE, so the write returns `BrokenPipe`, handled here.)
//! - Standard error is written with [`warn`], which never panics (there is
//!   nowhere left to report a failing stderr).
//!
//! Commands get an [`Out`] from `cli::run`, print with [`Out::line`] or
//! [`Out::bytes`], and `run` flushes it with [`Out::finish`] after the
//! command returned: output is buffered, so the flush is where a full disk
//! shows up, and it is checked too.
//!
//! ```no_run
//! # fn demo(out: &mut diplomap::cli::output::Out) -> Result<(), diplomap::cli::Failure> {
//! out.line("005_5f0c3b1e9a2d4c71")?;
//! # Ok(()) }
//! ```

use std::fmt::Display;
use std::io::{self, Write};

use super::Failure;

/// Standard output, buffered, every write checked.
pub struct Out {
    sink: Box<dyn Write>,
}

impl Out {
    /// The process's standard output.
    pub fn stdout() -> Out {
        Out::to(Box::new(io::BufWriter::with_capacity(64 * 1024, io::stdout())))
    }

    /// Any writer (for tests).
    pub fn to(sink: Box<dyn Write>) -> Out {
        Out { sink }
    }

    /// `text` and a newline.
    pub fn line(&mut self, text: impl Display) -> Result<(), Failure> {
        writeln!(self.sink, "{text}").map_err(Failure::Output)
    }

    /// Bytes as they are.
    pub fn bytes(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.sink.write_all(bytes).map_err(Failure::Output)
    }

    /// Writes out what is buffered; a failure here is a failure of the command.
    pub fn finish(&mut self) -> Result<(), Failure> {
        self.sink.flush().map_err(Failure::Output)
    }
}

/// One line on standard error. Never panics: when stderr itself fails there
/// is nowhere left to say so.
pub fn warn(text: impl Display) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// Whether an output error is the reader going away (a closed pipe).
pub fn is_closed_pipe(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from_raw_os_error(28))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from_raw_os_error(28))
        }
    }

    #[test]
    fn write_errors_are_failures_not_panics() {
        let mut out = Out::to(Box::new(io::BufWriter::new(Full)));
        // Buffered: the line fits, the flush fails.
        assert!(out.line("x").is_ok());
        assert!(matches!(out.finish(), Err(Failure::Output(e)) if e.raw_os_error() == Some(28)));
        let mut out = Out::to(Box::new(Full));
        assert!(matches!(out.bytes(b"x"), Err(Failure::Output(_))));
    }
}
