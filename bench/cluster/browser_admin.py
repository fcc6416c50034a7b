"""An admin clicking through the admin UI in a real browser (Debian's chromium, driven by chromedriver's W3C WebDriver
HTTP API with the standard library), through the balancer, while instances are killed: what a person at the screen
would notice. Used by bench.py with BROWSER=1.

Each round: the menu's pages one after the other (users, settings, API keys, quarantine), then on the API-key page
a key is named and created (a PrimeFaces AJAX postback of the view the previous request rendered, maybe on another
instance) and its one-time secret must appear. An error is what the admin would see: a page answered >= 400 (the
navigation's status, read from the browser), the sign-in page (the session was lost), an error page, or a postback
that never shows its result.
"""

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
PAGES = ("/admin/users.xhtml", "/admin/settings.xhtml", "/admin/api-keys.xhtml", "/admin/quarantine.xhtml")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    """The few WebDriver commands the admin needs."""

    def __init__(self):
        driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        self.port = free_port()
        self.process = subprocess.Popen([driver, "--port=%d" % self.port], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.url = "http://127.0.0.1:%d" % self.port
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        options = {"binary": shutil.which("chromium") or "/usr/bin/chromium",
                   "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en"]}
        session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options, "pageLoadStrategy": "normal"}}})
        self.session = "/session/" + session["sessionId"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError("WebDriver %s %s: %s" % (method, path, e.read()[:300].decode("utf-8", "replace")))

    def go(self, url):
        self.call("POST", self.session + "/url", {"url": url})

    def find(self, css):
        return self.call("POST", self.session + "/element", {"using": "css selector", "value": css})[ELEMENT]

    def present(self, css):
        return bool(self.call("POST", self.session + "/elements", {"using": "css selector", "value": css}))

    def type(self, css, text):
        element = self.find(css)
        self.call("POST", self.session + "/element/%s/clear" % element, {})
        self.call("POST", self.session + "/element/%s/value" % element, {"text": text})

    def click(self, css):
        self.call("POST", self.session + "/element/%s/click" % self.find(css), {})

    def script(self, source):
        return self.call("POST", self.session + "/execute/sync", {"script": source, "args": []})

    def current_url(self):
        return self.call("GET", self.session + "/url")

    def quit(self):
        try:
            self.call("DELETE", self.session)
        except (OSError, RuntimeError):
            pass
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class BrowserAdmin:
    """Same counters as bench.Admin: requests (page loads and postbacks) and errors with a few examples."""

    def __init__(self, base, password):
        self.base, self.password = base, password
        self.requests, self.errors, self.stop, self.examples, self.keys = 0, 0, False, [], 0

    def error(self, what):
        self.errors += 1
        if len(self.examples) < 5:
            self.examples.append(what)

    def sign_in(self, browser):
        browser.go(self.base + "/login.xhtml")
        browser.type("#j_username", "admin")
        browser.type("#j_password", self.password)
        browser.click("#login-submit")
        self.requests += 1

    def seen(self, browser, page):
        """What the admin sees after loading a page: None if it is the page, else what went wrong."""
        status = browser.script("const n = performance.getEntriesByType('navigation')[0];"
                                " return n ? n.responseStatus : 0;")
        url = browser.current_url()
        if status and status >= 400:
            return "%s -> %d" % (page, status)
        if "/login.xhtml" in url or browser.present("#j_username"):
            return "%s -> the sign-in page" % page
        if "/error/" in url:
            return "%s -> %s" % (page, url)
        return None

    def run(self):
        browser = WebDriver()
        try:
            self.sign_in(browser)
            while not self.stop:
                for page in PAGES:
                    if self.stop:
                        break
                    try:
                        browser.go(self.base + page)
                        self.requests += 1
                        problem = self.seen(browser, page)
                        if problem:
                            self.error(problem)
                            if "sign-in" in problem:
                                self.sign_in(browser)
                            continue
                        if page.endswith("api-keys.xhtml"):
                            self.create_key(browser)
                    except (OSError, RuntimeError) as e:
                        self.error("%s: %s" % (page, str(e)[:200]))
                    time.sleep(0.2)
        finally:
            browser.quit()

    def create_key(self, browser):
        """Names a key and presses "Create the key": an AJAX postback; the secret must show within 30 s."""
        self.keys += 1
        browser.type("#keys\\:name", "browser-%d-%d" % (os.getpid(), self.keys))
        browser.click("#keys\\:issue")
        self.requests += 1
        deadline = time.time() + 30
        while time.time() < deadline:
            if browser.present("#secret"):
                return
            if browser.present("#j_username") or "/error/" in browser.current_url():
                break
            time.sleep(0.1)
        self.error("create a key -> no secret shown (%s)" % browser.current_url())
