//! Headless Chromium for the web export tests: `--dump-dom` after scripts
//! ran, and the DevTools protocol over `--remote-debugging-pipe` (the
//! browser reads commands on fd 3 and answers on fd 4, each message a JSON
//! object ended by a NUL byte) for real key presses, screenshots and the
//! network log. A shell gives the browser our pipes as fds 3 and 4.
//!
//! Every run gets a fresh profile and the flags that keep Chromium from
//! calling home, so any request a page makes is one the page asked for.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The Chromium binary, or `None` (with a printed message) when there is none.
pub fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(output) = Command::new("sh").args(["-c", &format!("command -v {name}")]).output()
            && output.status.success()
        {
            let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
            if !path.is_empty() {
                return Some(PathBuf::from(path));
            }
        }
    }
    eprintln!("skipped: chromium is not installed (.ci/run installs it)");
    None
}

/// The flags of every run.
fn flags(profile: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--mute-audio",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect()
}

/// `file://` URL of a path (percent-encoding what a URL cannot hold).
pub fn file_url(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => url.push(char::from(byte)),
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

/// The DOM of `url` after its scripts ran, serialized.
pub fn dump_dom(chromium: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium)
        .args(flags(profile.path()))
        .args(["--virtual-time-budget=5000", "--dump-dom", url])
        .stdin(Stdio::null())
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium --dump-dom {url}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("the DOM is UTF-8")
}

/// A browser driven over the DevTools protocol.
pub struct Browser {
    child: Child,
    to_browser: ChildStdin,
    from_browser: Receiver<Value>,
    next_id: u64,
    /// Events received so far, in order.
    pub events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub fn launch(chromium: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut args = flags(profile.path());
        args.push("--remote-debugging-pipe".into());
        args.push("about:blank".into());
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 </dev/null >/dev/null"#)
            .arg(chromium)
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        let to_browser = child.stdin.take().unwrap();
        let from: ChildStdout = child.stdout.take().unwrap();
        let (send, from_browser) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from);
            loop {
                let mut message = Vec::new();
                match reader.read_until(0, &mut message) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                message.pop();
                if let Ok(value) = serde_json::from_slice::<Value>(&message)
                    && send.send(value).is_err()
                {
                    return;
                }
            }
        });
        Browser { child, to_browser, from_browser, next_id: 1, events: Vec::new(), _profile: profile }
    }

    /// Sends a command (to a page's session, or to the browser) and waits for its answer.
    pub fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.to_browser.write_all(&bytes).expect("the browser takes commands");
        self.to_browser.flush().unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let value = self.receive(deadline).unwrap_or_else(|| panic!("no answer to {method}"));
            if value.get("id").and_then(Value::as_u64) == Some(id) {
                if let Some(error) = value.get("error") {
                    panic!("{method}: {error}");
                }
                return value["result"].clone();
            }
            self.events.push(value);
        }
    }

    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let wait = deadline.saturating_duration_since(Instant::now());
        self.from_browser.recv_timeout(wait).ok()
    }

    /// Waits for an event named `method` (of `session`) not yet seen.
    pub fn wait_for(&mut self, session: &str, method: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        let seen = |e: &Value| e["method"] == method && e["sessionId"] == session && e.get("_taken").is_none();
        loop {
            if let Some(event) = self.events.iter_mut().find(|e| seen(e)) {
                event["_taken"] = json!(true);
                return event.clone();
            }
            let value = self.receive(deadline).unwrap_or_else(|| panic!("no {method} event"));
            self.events.push(value);
        }
    }

    /// Opens `url` in a new tab of `width`×`height` and waits until it has loaded.
    pub fn open(&mut self, url: &str, width: u32, height: u32) -> String {
        let target = self.call(None, "Target.createTarget", json!({ "url": "about:blank" }));
        let target = target["targetId"].as_str().unwrap().to_string();
        let attached = self.call(None, "Target.attachToTarget", json!({ "targetId": target, "flatten": true }));
        let session = attached["sessionId"].as_str().unwrap().to_string();
        for domain in ["Page.enable", "Runtime.enable", "Network.enable", "Log.enable"] {
            self.call(Some(&session), domain, json!({}));
        }
        self.call(
            Some(&session),
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        );
        self.call(Some(&session), "Page.navigate", json!({ "url": url }));
        self.wait_for(&session, "Page.loadEventFired");
        session
    }

    /// The value of a JavaScript expression (promises awaited).
    pub fn eval(&mut self, session: &str, expression: &str) -> Value {
        let result = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        if let Some(exception) = result.get("exceptionDetails") {
            panic!("{expression}: {exception}");
        }
        result["result"]["value"].clone()
    }

    /// Presses and releases a key, as the keyboard would.
    pub fn press(&mut self, session: &str, key: &str) {
        let (code, key_code, text) = match key {
            "ArrowRight" => ("ArrowRight", 39, ""),
            "ArrowLeft" => ("ArrowLeft", 37, ""),
            "PageDown" => ("PageDown", 34, ""),
            "PageUp" => ("PageUp", 33, ""),
            "Home" => ("Home", 36, ""),
            "End" => ("End", 35, ""),
            " " => ("Space", 32, " "),
            other => panic!("no key {other}"),
        };
        let mut down = json!({ "type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": key_code, "nativeVirtualKeyCode": key_code });
        if !text.is_empty() {
            down["text"] = json!(text);
        }
        self.call(Some(session), "Input.dispatchKeyEvent", down);
        let up = json!({ "type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": key_code, "nativeVirtualKeyCode": key_code });
        self.call(Some(session), "Input.dispatchKeyEvent", up);
    }

    /// A PNG of what the tab shows.
    pub fn screenshot(&mut self, session: &str) -> Vec<u8> {
        let shot = self.call(Some(session), "Page.captureScreenshot", json!({ "format": "png" }));
        decode_base64(shot["data"].as_str().unwrap())
    }

    /// The URLs `session` requested, and the requests that failed or errors logged.
    pub fn problems(&self, session: &str) -> (Vec<String>, Vec<String>) {
        let mut requested = Vec::new();
        let mut problems = Vec::new();
        for event in self.events.iter().filter(|e| e["sessionId"] == session) {
            let params = &event["params"];
            match event["method"].as_str().unwrap_or("") {
                "Network.requestWillBeSent" => {
                    requested.push(params["request"]["url"].as_str().unwrap_or("").to_string())
                }
                "Network.loadingFailed" => problems.push(format!("failed request: {params}")),
                "Runtime.exceptionThrown" => problems.push(format!("exception: {params}")),
                "Runtime.consoleAPICalled" if params["type"] == "error" => problems.push(format!("console: {params}")),
                "Log.entryAdded" if params["entry"]["level"] == "error" || params["entry"]["level"] == "warning" => {
                    problems.push(format!("log: {}", params["entry"]))
                }
                _ => {}
            }
        }
        (requested, problems)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// Where the tests put their screenshots, to be looked at.
pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("web-export-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Reads a whole file (test helper).
pub fn read(path: &Path) -> String {
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_string(&mut text))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text
}
