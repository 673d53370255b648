"""A person's browser, over real HTTP, for servers started as production runs them: it keeps
cookies, fills in and submits a page's forms as they are, and reaches the app server the way
a TLS-terminating proxy or load balancer in front would pass it on (deploy/nginx.conf): for
the site https://127.0.0.1, whichever app server's port answers, with X-Forwarded-Proto."""

import http.client
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup

SITE = "127.0.0.1"  # the site's name, as the proxy passes it on (nginx: Host $host)


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    url: str

    @property
    def html(self):
        return BeautifulSoup(self.body.decode(), "html.parser")

    @property
    def text(self):
        main = self.html.find("main")
        return " ".join(main.get_text(" ").split())


class Browser:
    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def switch_to(self, port):
        """Go on with the same cookies on another app server (as a load balancer would)."""
        self.port = port

    def request(self, method, url, data=None, follow=True):
        for _ in range(10):
            answer = self._request(method, url, data)
            if not (follow and answer.status in (301, 302, 303)):
                return answer
            method, data = "GET", None
            url = urljoin(url, answer.headers["Location"])
        raise AssertionError(f"too many redirects from {url}")

    def get(self, url, follow=True):
        return self.request("GET", url, follow=follow)

    def post(self, url, data, follow=True):
        token = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self.request("POST", url, {**data, **token}, follow)

    def submit(self, answer, selector, fields, follow=True):
        """Submit the form of the page ``answer`` that ``selector`` finds, with what the page
        filled in and ``fields`` typed over it."""
        form = answer.html.select_one(selector)
        assert form is not None, f"no form {selector} on {answer.url}"
        data = {
            field["name"]: field.get("value", "")
            for field in form.select("input[name]")
            if field.get("type") not in ("checkbox", "radio", "submit") or field.has_attr("checked")
        }
        data.update(fields)
        return self.post(urljoin(answer.url, form.get("action") or answer.url), data, follow)

    def _request(self, method, url, data):
        path = urlsplit(url)._replace(scheme="", netloc="").geturl()
        origin = f"https://{SITE}"
        headers = {
            "Host": SITE,
            "X-Forwarded-Proto": "https",
            "Accept-Language": "en",
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
        }
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": origin,
                    "Referer": origin + path,
                }
            )
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read(), origin + path)
        finally:
            connection.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return answer
