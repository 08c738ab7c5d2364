// Included as text by both `rulebook` (`mod fingerprint`) and build.rs
// (`include!`), which cannot use the crate it builds: one definition of the
// rulebook's fingerprint for the files read at run time and the baked ones.

/// A short fingerprint of rule files (FNV-1a over names and texts), shown by
/// the app and the CLI so a printout or a kiosk says which rulebook it used.
pub fn fingerprint<N: AsRef<str>, T: AsRef<str>>(files: &[(N, T)]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, text) in files {
        let (name, text) = (name.as_ref().bytes(), text.as_ref().bytes());
        for b in name.chain([0]).chain(text).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", h >> 32)
}
