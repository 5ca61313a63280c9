// MIT-SHM images put into the player's SDL window over a connection of our own. Xlib stays in this
// file: its headers define names (None, Bool, Status) that clash with ordinary C++ elsewhere.
#include "x11_present.hpp"

#include <SDL.h>
#include <SDL_syswm.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

namespace sf::platform {

namespace {

// Xlib reports a failed request to one process-wide handler that takes no user data, so a refused
// attach (a server in another IPC namespace) can only be learnt through this flag. Set and read
// on the UI thread, around the one request in share().
bool attachRefused = false;
int noteRefusal(Display*, XErrorEvent*) {
  attachRefused = true;
  return 0;
}

// A new segment of `bytes`, mapped here and attached by the server; false (nothing left behind)
// when either side cannot have it.
bool share(Display* dpy, std::size_t bytes, XShmSegmentInfo& shm) {
  shm.shmid = shmget(IPC_PRIVATE, bytes, IPC_CREAT | 0600);
  if (shm.shmid < 0) return false;
  void* addr = shmat(shm.shmid, nullptr, 0);
  if (addr == reinterpret_cast<void*>(-1)) {
    shmctl(shm.shmid, IPC_RMID, nullptr);
    return false;
  }
  shm.shmaddr = static_cast<char*>(addr);
  shm.readOnly = True;
  attachRefused = false;
  const auto previous = XSetErrorHandler(noteRefusal);
  const bool attached = XShmAttach(dpy, &shm) != 0;
  XSync(dpy, False);  // the server has attached (or refused) when this returns
  XSetErrorHandler(previous);
  // Marked for removal now: the segment goes when both sides detach, even if the player crashes.
  shmctl(shm.shmid, IPC_RMID, nullptr);
  if (attached && !attachRefused) return true;
  shmdt(addr);
  return false;
}

void unshare(Display* dpy, XShmSegmentInfo& shm) {
  XShmDetach(dpy, &shm);
  XSync(dpy, False);  // the server lets go of the segment before we do
  shmdt(shm.shmaddr);
}

// The XImage keeps a pointer to `shm`: an Image never moves (it lives behind a unique_ptr).
struct Image {
  XImage* image = nullptr;
  XShmSegmentInfo shm{};
};

void freeImage(Display* dpy, std::unique_ptr<Image>& img) {
  if (!img) return;
  unshare(dpy, img->shm);
  img->image->data = nullptr;  // the segment, not Xlib's to free
  XDestroyImage(img->image);
  img.reset();
}

std::unique_ptr<Image> makeImage(Display* dpy, Visual* visual, int depth, int w, int h) {
  auto made = std::make_unique<Image>();
  XImage* image = XShmCreateImage(dpy, visual, static_cast<unsigned>(depth), ZPixmap, nullptr, &made->shm,
                                  static_cast<unsigned>(w), static_cast<unsigned>(h));
  if (!image) return nullptr;
  // The renderer draws XRGB8888 in memory order B, G, R, X: the server must read the same.
  const bool xrgb = image->bits_per_pixel == 32 && image->byte_order == LSBFirst && image->red_mask == 0xff0000 &&
                    image->green_mask == 0xff00 && image->blue_mask == 0xff;
  if (!xrgb || !share(dpy, static_cast<std::size_t>(image->bytes_per_line) * h, made->shm)) {
    XDestroyImage(image);  // its data is still null: nothing of ours is freed
    return nullptr;
  }
  image->data = made->shm.shmaddr;
  made->image = image;
  return made;
}

// Only a server on this machine can read our memory (SDL makes the same test).
bool local(const char* displayName) {
  const std::string_view n = displayName ? displayName : "";
  return n.starts_with(':') || n.starts_with("unix:");
}

}  // namespace

struct X11Present::Impl {
  Display* dpy = nullptr;
  Window window = 0;
  Visual* visual = nullptr;
  int depth = 0;
  GC gc = nullptr;
  int completion = 0;  // the event type of the server's "done reading"
  std::unique_ptr<Image> first;  // the renderer draws here
  std::unique_ptr<Image> other;  // current after a resize to another size
  int pending = 0;  // puts whose completion notice has not been read

  const Image& current() const { return other ? *other : *first; }

  ~Impl() {
    if (!dpy) return;
    freeImage(dpy, other);
    freeImage(dpy, first);
    if (gc) XFreeGC(dpy, gc);
    XCloseDisplay(dpy);
  }
};

bool sharedMemoryWorks(const std::string& displayName) {
  if (!local(displayName.c_str())) return false;
  Display* dpy = XOpenDisplay(displayName.c_str());
  if (!dpy) return false;
  XShmSegmentInfo shm{};
  const bool works = XShmQueryExtension(dpy) && share(dpy, 4096, shm);
  if (works) unshare(dpy, shm);
  XCloseDisplay(dpy);
  return works;
}

std::unique_ptr<X11Present> X11Present::open(SDL_Window* window, int width, int height) {
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!window || SDL_GetWindowWMInfo(window, &info) != SDL_TRUE || info.subsystem != SDL_SYSWM_X11) return nullptr;
  const char* name = DisplayString(info.info.x11.display);
  if (!local(name)) return nullptr;
  auto impl = std::make_unique<Impl>();
  impl->dpy = XOpenDisplay(name);
  if (!impl->dpy || !XShmQueryExtension(impl->dpy)) return nullptr;
  impl->window = info.info.x11.window;
  XWindowAttributes attrs{};
  if (!XGetWindowAttributes(impl->dpy, impl->window, &attrs)) return nullptr;
  impl->visual = attrs.visual;
  impl->depth = attrs.depth;
  impl->first = makeImage(impl->dpy, impl->visual, impl->depth, width, height);
  if (!impl->first) return nullptr;
  XGCValues values{};
  values.graphics_exposures = False;
  impl->gc = XCreateGC(impl->dpy, impl->window, GCGraphicsExposures, &values);
  impl->completion = XShmGetEventBase(impl->dpy) + ShmCompletion;
  return std::unique_ptr<X11Present>(new X11Present(std::move(impl)));
}

X11Present::X11Present(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
X11Present::~X11Present() = default;

std::uint8_t* X11Present::pixels() const { return reinterpret_cast<std::uint8_t*>(impl_->current().image->data); }
int X11Present::pitch() const { return impl_->current().image->bytes_per_line; }
int X11Present::width() const { return impl_->current().image->width; }
int X11Present::height() const { return impl_->current().image->height; }
std::uint8_t* X11Present::firstPixels() const { return reinterpret_cast<std::uint8_t*>(impl_->first->image->data); }
int X11Present::firstPitch() const { return impl_->first->image->bytes_per_line; }

bool X11Present::resize(int width, int height) {
  waitIdle();
  Impl& d = *impl_;
  if (width == d.first->image->width && height == d.first->image->height) {
    freeImage(d.dpy, d.other);
    return true;
  }
  auto fresh = makeImage(d.dpy, d.visual, d.depth, width, height);
  if (!fresh) return false;
  freeImage(d.dpy, d.other);
  d.other = std::move(fresh);
  return true;
}

void X11Present::waitIdle() {
  Impl& d = *impl_;
  XEvent e;
  // Between clock ticks the notices came long ago: they are read without blocking.
  while (d.pending > 0 && XCheckTypedEvent(d.dpy, d.completion, &e)) --d.pending;
  if (d.pending == 0) return;
  XSync(d.dpy, False);  // the server has now handled every put, and their notices are queued
  while (XCheckTypedEvent(d.dpy, d.completion, &e)) {
  }
  d.pending = 0;
}

void X11Present::show() { show(0, impl_->current().image->height); }

void X11Present::show(int y, int h) {
  Impl& d = *impl_;
  const Image& img = d.current();
  y = std::clamp(y, 0, img.image->height);
  h = std::clamp(h, 0, img.image->height - y);
  if (h == 0) return;
  // Each put asks for a completion notice; waitIdle() reads them all, the last one included.
  XShmPutImage(d.dpy, d.window, d.gc, img.image, 0, y, 0, y, static_cast<unsigned>(img.image->width), static_cast<unsigned>(h), True);
  XFlush(d.dpy);
  ++d.pending;
}

}  // namespace sf::platform
