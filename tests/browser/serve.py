#!/usr/bin/env python3
"""A static file server for the browser checks: serves a built portal the way
a web server would (index.html for folders, 404.html for missing paths), so
Chromium sees real http:// pages with their own origin.
  serve.py SITE PORT      serve SITE on 127.0.0.1:PORT until killed
  serve.py --pick-port    print a free port
  serve.py --wait PORT    wait (at most 10 s) until PORT answers"""
import functools, http.server, os, socket, sys, time


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # quiet: the tests print what matters
        pass

    def send_error(self, code, message=None, explain=None):
        # Like a portal's web server: the site's own 404 page, with status 404.
        page = os.path.join(self.directory, "404.html")
        if code == 404 and os.path.exists(page):
            body = open(page, "rb").read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def main():
    if sys.argv[1] == "--pick-port":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            print(s.getsockname()[1])
        return
    if sys.argv[1] == "--wait":
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", int(sys.argv[2])), 0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        sys.exit("serve.py: the server did not start")
    handler = functools.partial(Handler, directory=sys.argv[1])
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), handler).serve_forever()


if __name__ == "__main__":
    main()
