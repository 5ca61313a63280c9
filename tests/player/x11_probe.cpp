// Xvfb started and stopped for a test, and Xlib requests on the test's own connection: reading a
// window's pixels back and resizing it, so tests see what the glass would show.
#include "x11_probe.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

namespace sf::test {

Xvfb::Xvfb(int width, int height) {
  int fds[2];
  if (::pipe(fds) != 0) return;
  pid_ = ::fork();
  if (pid_ == 0) {
    ::close(fds[0]);
    const std::string fd = std::to_string(fds[1]), screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    ::execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp", "-noreset",
             static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  // Xvfb writes its display number once it accepts clients; EOF means it could not start.
  char buf[32];
  std::string number;
  for (ssize_t n; number.find('\n') == std::string::npos && (n = ::read(fds[0], buf, sizeof buf)) > 0;) number.append(buf, n);
  ::close(fds[0]);
  if (number.empty()) return;
  name_ = ":" + number.substr(0, number.find('\n'));
  ::setenv("DISPLAY", name_.c_str(), 1);
  ::unsetenv("SDL_VIDEODRIVER");
}

Xvfb::~Xvfb() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGCONT);
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

void Xvfb::pause() { ::kill(pid_, SIGSTOP); }
void Xvfb::resume() { ::kill(pid_, SIGCONT); }

namespace {

Window topWindow(Display* dpy) {
  Window root = 0, parent = 0, *children = nullptr, found = 0;
  unsigned count = 0;
  if (XQueryTree(dpy, DefaultRootWindow(dpy), &root, &parent, &children, &count)) {
    for (unsigned i = 0; i < count && !found; ++i) {
      XWindowAttributes a{};
      if (XGetWindowAttributes(dpy, children[i], &a) && a.map_state == IsViewable) found = children[i];
    }
    XFree(children);
  }
  return found;
}

}  // namespace

long windowPixel(const std::string& display, int x, int y, long want, int timeoutMs) {
  Display* dpy = XOpenDisplay(display.c_str());
  if (!dpy) return -1;
  long got = -1;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds{timeoutMs};
  do {
    if (const Window w = topWindow(dpy)) {
      if (XImage* img = XGetImage(dpy, w, x, y, 1, 1, AllPlanes, ZPixmap)) {
        got = static_cast<long>(XGetPixel(img, 0, 0) & 0xffffff);
        XDestroyImage(img);
      }
    }
    if (got == want) break;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  } while (std::chrono::steady_clock::now() < until);
  XCloseDisplay(dpy);
  return got;
}

bool resizeWindow(const std::string& display, int width, int height) {
  Display* dpy = XOpenDisplay(display.c_str());
  if (!dpy) return false;
  const Window w = topWindow(dpy);
  if (w) XResizeWindow(dpy, w, static_cast<unsigned>(width), static_cast<unsigned>(height));
  XSync(dpy, False);
  XCloseDisplay(dpy);
  return w != 0;
}

std::vector<std::uint32_t> windowImage(const std::string& display, int width, int height) {
  std::vector<std::uint32_t> out;
  Display* dpy = XOpenDisplay(display.c_str());
  if (!dpy) return out;
  if (const Window w = topWindow(dpy)) {
    if (XImage* img = XGetImage(dpy, w, 0, 0, static_cast<unsigned>(width), static_cast<unsigned>(height), AllPlanes,
                                ZPixmap)) {
      out.resize(static_cast<std::size_t>(width) * height);
      for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
          out[static_cast<std::size_t>(y) * width + x] = static_cast<std::uint32_t>(XGetPixel(img, x, y) & 0xffffff);
      XDestroyImage(img);
    }
  }
  XCloseDisplay(dpy);
  return out;
}

bool tapWindow(const std::string& display, int x, int y) {
  Display* dpy = XOpenDisplay(display.c_str());
  if (!dpy) return false;
  const Window w = topWindow(dpy);
  if (w) {
    // The server moves the pointer and tells the window (SDL takes a button's position from the
    // last motion); the button events follow on the same connection, so they arrive after it.
    XWarpPointer(dpy, None, w, 0, 0, 0, 0, x, y);
    XSync(dpy, False);
    for (const int type : {ButtonPress, ButtonRelease}) {
      XEvent e{};
      e.xbutton.type = type;
      e.xbutton.display = dpy;
      e.xbutton.window = w;
      e.xbutton.root = DefaultRootWindow(dpy);
      e.xbutton.subwindow = None;
      e.xbutton.time = CurrentTime;
      e.xbutton.x = e.xbutton.x_root = x;
      e.xbutton.y = e.xbutton.y_root = y;
      e.xbutton.state = type == ButtonRelease ? Button1Mask : 0;
      e.xbutton.button = Button1;
      e.xbutton.same_screen = True;
      XSendEvent(dpy, w, True, type == ButtonPress ? ButtonPressMask : ButtonReleaseMask, &e);
      XSync(dpy, False);
    }
  }
  XCloseDisplay(dpy);
  return w != 0;
}

bool pointerTo(const std::string& display, int x, int y, PointerButton button) {
  Display* dpy = XOpenDisplay(display.c_str());
  if (!dpy) return false;
  const Window w = topWindow(dpy);
  if (w) {
    // A real motion, as tapWindow's; SDL adds the button it was told is down, so a motion after a
    // press is a drag.
    XWarpPointer(dpy, None, w, 0, 0, 0, 0, x, y);
    XSync(dpy, False);
    if (button != PointerButton::Move) {
      const int type = button == PointerButton::Press ? ButtonPress : ButtonRelease;
      XEvent e{};
      e.xbutton.type = type;
      e.xbutton.display = dpy;
      e.xbutton.window = w;
      e.xbutton.root = DefaultRootWindow(dpy);
      e.xbutton.subwindow = None;
      e.xbutton.time = CurrentTime;
      e.xbutton.x = e.xbutton.x_root = x;
      e.xbutton.y = e.xbutton.y_root = y;
      e.xbutton.state = type == ButtonRelease ? Button1Mask : 0;
      e.xbutton.button = Button1;
      e.xbutton.same_screen = True;
      XSendEvent(dpy, w, True, type == ButtonPress ? ButtonPressMask : ButtonReleaseMask, &e);
      XSync(dpy, False);
    }
  }
  XCloseDisplay(dpy);
  return w != 0;
}

}  // namespace sf::test
