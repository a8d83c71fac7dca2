#!/usr/bin/env python3
"""A real RTSP server on loopback for FaceTrail's ingest tests (testing.LoopbackRtspServer).

Serves a live H.264 stream (GStreamer's videotestsrc, a moving ball, x264 at the given size and
frame rate) through gst-rtsp-server at rtsp://127.0.0.1:PORT/PATH. Prints one line on standard
output and flushes it, which the test waits for:

  READY rtsp://127.0.0.1:PORT/PATH   serving
  MISSING <what> (<Debian packages>)  a prerequisite is absent (exit code 3): the test skips
  FAILED <why>                        anything else (exit code 2): the test fails

Runs until SIGTERM or SIGINT, or until its standard input closes (so a test JVM that dies
cannot leave it behind). Binds 127.0.0.1 only.
"""

import argparse
import signal
import sys
import threading

PACKAGES = {
    "gi": "python3-gi gir1.2-gst-rtsp-server-1.0",
    "videotestsrc": "gstreamer1.0-plugins-base",
    "x264enc": "gstreamer1.0-plugins-ugly",
    "rtph264pay": "gstreamer1.0-plugins-good",
}


def say(line):
    print(line, flush=True)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", default="/cam")
    p.add_argument("--width", type=int, default=320)
    p.add_argument("--height", type=int, default=240)
    p.add_argument("--fps", type=int, default=25)
    return p.parse_args()


def import_gstreamer():
    try:
        import gi

        gi.require_version("Gst", "1.0")
        gi.require_version("GstRtspServer", "1.0")
        from gi.repository import GLib, Gst, GstRtspServer
    except (ImportError, ValueError) as e:
        say("MISSING GStreamer's Python bindings: %s (%s)" % (e, PACKAGES["gi"]))
        sys.exit(3)
    return GLib, Gst, GstRtspServer


def main():
    args = parse_args()
    GLib, Gst, GstRtspServer = import_gstreamer()
    Gst.init(None)
    missing = [e for e in ("videotestsrc", "x264enc", "rtph264pay") if Gst.ElementFactory.find(e) is None]
    if missing:
        packages = " ".join(sorted({PACKAGES[e] for e in missing}))
        say("MISSING GStreamer elements %s (%s)" % (", ".join(missing), packages))
        sys.exit(3)

    # A live source: frames come at the frame rate, as from a camera. One key frame per second
    # and the SPS/PPS with every key frame, so a client that (re)connects decodes within a second.
    launch = (
        "( videotestsrc is-live=true pattern=ball "
        "! video/x-raw,width={w},height={h},framerate={fps}/1 "
        "! x264enc tune=zerolatency speed-preset=ultrafast bitrate=400 key-int-max={fps} "
        "! video/x-h264,profile=constrained-baseline "
        "! rtph264pay name=pay0 pt=96 config-interval=-1 )"
    ).format(w=args.width, h=args.height, fps=args.fps)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch)
    # One pipeline for every client: a reconnecting client joins the same live stream.
    factory.set_shared(True)

    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    server.get_mount_points().add_factory(args.path, factory)
    loop = GLib.MainLoop()
    if server.attach(None) == 0:
        say("FAILED cannot listen on 127.0.0.1:%d" % args.port)
        sys.exit(2)

    def stop(*_):
        loop.quit()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # GLib's loop only sees Python's signal handlers when it wakes up: wake it regularly.
    GLib.timeout_add(200, lambda: True)

    def watch_stdin():
        sys.stdin.read()
        GLib.idle_add(loop.quit)

    threading.Thread(target=watch_stdin, daemon=True).start()
    say("READY rtsp://127.0.0.1:%d%s" % (args.port, args.path))
    loop.run()


if __name__ == "__main__":
    main()
