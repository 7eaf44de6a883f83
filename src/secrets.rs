//! The key that signs and encrypts session cookies. It is made on first start and kept in
//! the data folder (never in the repository), so sessions survive a restart; a key can also
//! be given in `PORTAL_SESSION_KEY` for several processes behind one address. And the
//! passwords in URLs (the database's, the SMTP server's), kept out of what the portal prints.
//! And the random tokens of links and forms.

use std::io::Write;
use std::path::Path;

use actix_web::cookie::Key;
use base64::Engine;
use rand::RngCore;

use crate::error::AppError;

/// 32 random bytes in URL-safe base64: a CSRF token, or the key of an e-mailed link.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

const KEY_FILE: &str = "session.key";
/// actix-web's `Key` needs 64 bytes: half to sign, half to encrypt.
const KEY_BYTES: usize = 64;

pub fn session_key(data_dir: &Path) -> Result<Key, AppError> {
    if let Ok(encoded) = std::env::var("PORTAL_SESSION_KEY") {
        return decode(encoded.trim()).ok_or(AppError::Setting {
            setting: "PORTAL_SESSION_KEY",
            problem: "is not 64 bytes in base64",
        });
    }
    let path = data_dir.join(KEY_FILE);
    if let Ok(encoded) = std::fs::read_to_string(&path) {
        return decode(encoded.trim()).ok_or_else(|| AppError::Unusable {
            path: path.clone(),
            problem: "is not a session key (64 bytes in base64)",
        });
    }
    let mut bytes = [0u8; KEY_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    // Written whole under a name of its own, then linked into place: of processes starting
    // at once on one data folder, one key wins and the others read it.
    std::fs::create_dir_all(data_dir).map_err(AppError::file("create", data_dir))?;
    let draft = data_dir.join(format!("{KEY_FILE}.{}", rand::rng().next_u64()));
    write_private(&draft, &encoded).map_err(AppError::file("write", &draft))?;
    let linked = std::fs::hard_link(&draft, &path);
    std::fs::remove_file(&draft).map_err(AppError::file("remove", &draft))?;
    match linked {
        Ok(()) => Ok(Key::from(&bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => session_key(data_dir),
        Err(error) => Err(AppError::file("write", &path)(error)),
    }
}

fn decode(encoded: &str) -> Option<Key> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()?;
    (bytes.len() == KEY_BYTES).then(|| Key::from(&bytes))
}

/// Writes a file only its owner can read.
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(contents.as_bytes())
}

/// `scheme://user:password@host` written `scheme://user:***@host`.
pub fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info
                .split_once(':')
                .map_or(user_info, |(user, _)| user);
            let hidden = if user_info.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{hidden}@{host}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn processes_starting_at_once_on_one_data_folder_share_one_key() {
        let parent = tempfile::tempdir().unwrap();
        // A data folder that does not exist yet is made.
        let folder = parent.path().join("data");
        let keys: Vec<Vec<u8>> = std::thread::scope(|scope| {
            let starting: Vec<_> = (0..8)
                .map(|_| scope.spawn(|| session_key(&folder).unwrap()))
                .collect();
            starting
                .into_iter()
                .map(|start| start.join().unwrap().master().to_vec())
                .collect()
        });
        assert!(keys.iter().all(|key| key == &keys[0]));
        let written = std::fs::read_to_string(folder.join(KEY_FILE)).unwrap();
        assert_eq!(decode(written.trim()).unwrap().master(), &keys[0][..]);
        // No draft is left behind.
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    }
}
