//! Output lines written in the order of their keys, in bounded memory:
//! lines are held until [`LIMIT`] bytes, then sorted and spilled to a
//! temporary file (a "run"); at the end the runs are merged. `yekuo due`
//! on a million cases thus keeps its memory flat however many are at risk
//! (an external merge sort; each run is read back in order, one entry per
//! run in memory at a time).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

/// What orders a line: (state, working days left, due day, input row).
pub type Key = (u8, i64, i32, u64);

/// Bytes of lines held before they are spilled to a run.
pub const LIMIT: usize = 2 << 20;

pub struct Sorted {
    held: Vec<(Key, Box<str>)>,
    bytes: usize,
    limit: usize,
    runs: Vec<PathBuf>,
}

impl Sorted {
    pub fn new(limit: usize) -> Sorted {
        Sorted {
            held: Vec::new(),
            bytes: 0,
            limit,
            runs: Vec::new(),
        }
    }

    /// Add a line; may spill the held lines to a run.
    ///
    /// # Errors
    /// The temporary file cannot be written.
    pub fn push(&mut self, key: Key, line: String) -> io::Result<()> {
        // The line, its key and the vector's slot.
        self.bytes += line.len() + 48;
        self.held.push((key, line.into_boxed_str()));
        if self.bytes > self.limit {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        self.held.sort_unstable_by_key(|e| e.0);
        let path = std::env::temp_dir().join(format!(
            "yekuo-due-{}-{}.run",
            std::process::id(),
            self.runs.len()
        ));
        let file = File::options().write(true).create_new(true).open(&path)?;
        self.runs.push(path);
        let mut w = BufWriter::with_capacity(1 << 16, file);
        for (k, line) in self.held.drain(..) {
            w.write_all(&[k.0])?;
            w.write_all(&k.1.to_le_bytes())?;
            w.write_all(&k.2.to_le_bytes())?;
            w.write_all(&k.3.to_le_bytes())?;
            w.write_all(&(line.len() as u64).to_le_bytes())?;
            w.write_all(line.as_bytes())?;
        }
        w.flush()?;
        self.bytes = 0;
        Ok(())
    }

    /// Write every line, in key order, each followed by a line break.
    ///
    /// # Errors
    /// Writing `out`, or reading back a run.
    pub fn write_all(mut self, out: &mut impl Write) -> io::Result<()> {
        if self.runs.is_empty() {
            self.held.sort_unstable_by_key(|e| e.0);
            for (_, line) in &self.held {
                writeln!(out, "{line}")?;
            }
            return Ok(());
        }
        if !self.held.is_empty() {
            self.spill()?;
        }
        let mut readers = Vec::with_capacity(self.runs.len());
        for p in &self.runs {
            readers.push(BufReader::with_capacity(1 << 14, File::open(p)?));
        }
        let mut heap = BinaryHeap::with_capacity(readers.len());
        for (i, r) in readers.iter_mut().enumerate() {
            if let Some((k, line)) = read_entry(r)? {
                heap.push(Reverse((k, i, line)));
            }
        }
        while let Some(Reverse((_, i, line))) = heap.pop() {
            out.write_all(&line)?;
            out.write_all(b"\n")?;
            if let Some((k, next)) = read_entry(&mut readers[i])? {
                heap.push(Reverse((k, i, next)));
            }
        }
        Ok(())
    }
}

impl Drop for Sorted {
    fn drop(&mut self) {
        for p in &self.runs {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn read_entry(r: &mut impl Read) -> io::Result<Option<(Key, Vec<u8>)>> {
    let mut state = [0u8; 1];
    match r.read_exact(&mut state) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        other => other?,
    }
    let mut b8 = [0u8; 8];
    let mut b4 = [0u8; 4];
    r.read_exact(&mut b8)?;
    let left = i64::from_le_bytes(b8);
    r.read_exact(&mut b4)?;
    let due = i32::from_le_bytes(b4);
    r.read_exact(&mut b8)?;
    let row = u64::from_le_bytes(b8);
    r.read_exact(&mut b8)?;
    let len = usize::try_from(u64::from_le_bytes(b8))
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "run entry too long"))?;
    let mut line = vec![0u8; len];
    r.read_exact(&mut line)?;
    Ok(Some(((state[0], left, due, row), line)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spilled runs merge into the same order as one sort in memory.
    #[test]
    fn runs_merge_in_key_order() {
        let keys: Vec<Key> = (0..500u64)
            .map(|i| {
                (
                    ((i * 7) % 6) as u8,
                    (i as i64 * 37) % 11 - 5,
                    (i % 3) as i32,
                    i,
                )
            })
            .collect();
        let mut want: Vec<&Key> = keys.iter().collect();
        want.sort();
        let want: String = want.iter().map(|k| format!("{k:?}\n")).collect();
        for limit in [usize::MAX, 2000, 300] {
            let mut s = Sorted::new(limit);
            for k in &keys {
                s.push(*k, format!("{k:?}")).unwrap();
            }
            let spilled = !s.runs.is_empty();
            let paths = s.runs.clone();
            let mut out = Vec::new();
            s.write_all(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "limit {limit}");
            assert_eq!(spilled, limit != usize::MAX);
            assert!(paths.iter().all(|p| !p.exists()), "runs are removed");
        }
    }
}
