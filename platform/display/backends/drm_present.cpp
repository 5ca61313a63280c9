// Dumb buffers through libdrm: the one way to show pixels drawn by the CPU on a KMS/DRM screen that
// needs neither EGL nor a GPU driver in user space (SDL's KMS/DRM driver needs both for any window).
#include "drm_present.hpp"
#include "core/show/layout.hpp"
#include "turn_pixels.hpp"

#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sf::platform {

bool gpuRenderNodePresent() {
  glob_t g{};
  const bool found = glob("/dev/dri/renderD*", 0, nullptr, &g) == 0 && g.gl_pathc > 0;
  globfree(&g);
  return found;
}

namespace {

struct DumbBuffer {
  std::uint32_t handle = 0, fb = 0, pitch = 0;
  std::uint64_t size = 0;
  std::uint8_t* map = nullptr;
};

// One dumb buffer of the mode's size, registered as a framebuffer and mapped for writing.
bool makeBuffer(int fd, int w, int h, DumbBuffer& b, std::string& error) {
  drm_mode_create_dumb create{};
  create.width = static_cast<std::uint32_t>(w);
  create.height = static_cast<std::uint32_t>(h);
  create.bpp = 32;
  if (drmIoctl(fd, DRM_IOCTL_MODE_CREATE_DUMB, &create) != 0) {
    error = std::string("the card cannot make a screen buffer: ") + std::strerror(errno);
    return false;
  }
  b.handle = create.handle;
  b.pitch = create.pitch;
  b.size = create.size;
  if (drmModeAddFB(fd, create.width, create.height, 24, 32, b.pitch, b.handle, &b.fb) != 0) {
    error = std::string("the card refused the screen buffer: ") + std::strerror(errno);
    return false;
  }
  drm_mode_map_dumb mapReq{};
  mapReq.handle = b.handle;
  if (drmIoctl(fd, DRM_IOCTL_MODE_MAP_DUMB, &mapReq) != 0) {
    error = std::string("cannot map the screen buffer: ") + std::strerror(errno);
    return false;
  }
  void* m = mmap(nullptr, b.size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, static_cast<off_t>(mapReq.offset));
  if (m == MAP_FAILED) {
    error = std::string("cannot map the screen buffer: ") + std::strerror(errno);
    return false;
  }
  b.map = static_cast<std::uint8_t*>(m);
  std::memset(b.map, 0, b.size);
  return true;
}

void freeBuffer(int fd, DumbBuffer& b) {
  if (b.map) munmap(b.map, b.size);
  if (b.fb) drmModeRmFB(fd, b.fb);
  if (b.handle) {
    drm_mode_destroy_dumb d{};
    d.handle = b.handle;
    drmIoctl(fd, DRM_IOCTL_MODE_DESTROY_DUMB, &d);
  }
  b = {};
}

// A CRTC that can drive `conn`: the one its encoder uses now, else any its encoders allow.
std::uint32_t crtcFor(int fd, const drmModeRes* res, const drmModeConnector* conn) {
  if (conn->encoder_id) {
    if (drmModeEncoder* enc = drmModeGetEncoder(fd, conn->encoder_id)) {
      const std::uint32_t crtc = enc->crtc_id;
      drmModeFreeEncoder(enc);
      if (crtc) return crtc;
    }
  }
  for (int i = 0; i < conn->count_encoders; ++i) {
    drmModeEncoder* enc = drmModeGetEncoder(fd, conn->encoders[i]);
    if (!enc) continue;
    const std::uint32_t possible = enc->possible_crtcs;
    drmModeFreeEncoder(enc);
    for (int c = 0; c < res->count_crtcs; ++c)
      if (possible & (1u << c)) return res->crtcs[c];
  }
  return 0;
}

}  // namespace

struct DrmPresent::Impl {
  int fd = -1;
  std::string card, driverName, connectorName;
  std::uint32_t connector = 0, crtc = 0;
  drmModeModeInfo mode{};
  std::uint32_t mmWidth = 0;
  DumbBuffer buffers[2];
  int back = 1;               // the buffer the next frame goes into; the other one is on screen
  bool flipPending = false;
  bool flipsWork = true;      // a driver without page flips gets the buffer set directly
  drmModeCrtc* saved = nullptr;  // what the console showed, put back at the end

  ~Impl() {
    if (fd < 0) return;
    if (saved) {
      drmModeSetCrtc(fd, saved->crtc_id, saved->buffer_id, saved->x, saved->y, &connector, 1, &saved->mode);
      drmModeFreeCrtc(saved);
    }
    for (auto& b : buffers) freeBuffer(fd, b);
    close(fd);
  }

  void waitForFlip(int timeoutMs) {
    while (flipPending) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, timeoutMs) <= 0) {
        flipPending = false;  // a flip that never completes must not freeze the screen
        return;
      }
      drmEventContext ev{};
      ev.version = 2;
      ev.page_flip_handler = [](int, unsigned, unsigned, unsigned, void* data) {
        static_cast<Impl*>(data)->flipPending = false;
      };
      drmHandleEvent(fd, &ev);
    }
  }

  // The card's first connected connector with modes, and its preferred mode.
  bool pickScreen(std::string& error) {
    drmModeRes* res = drmModeGetResources(fd);
    if (!res) {
      error = card + " is not a display controller (no KMS resources)";
      return false;
    }
    for (int i = 0; i < res->count_connectors && !connector; ++i) {
      drmModeConnector* conn = drmModeGetConnector(fd, res->connectors[i]);
      if (!conn) continue;
      if (conn->connection == DRM_MODE_CONNECTED && conn->count_modes > 0) {
        const drmModeModeInfo* best = &conn->modes[0];
        for (int m = 0; m < conn->count_modes; ++m)
          if (conn->modes[m].type & DRM_MODE_TYPE_PREFERRED) {
            best = &conn->modes[m];
            break;
          }
        crtc = crtcFor(fd, res, conn);
        if (crtc) {
          connector = conn->connector_id;
          mode = *best;
          mmWidth = conn->mmWidth;
          const char* type = drmModeGetConnectorTypeName(conn->connector_type);
          connectorName = std::string(type ? type : "connector") + "-" + std::to_string(conn->connector_type_id);
        }
      }
      drmModeFreeConnector(conn);
    }
    drmModeFreeResources(res);
    if (!connector) error = "no screen is connected to " + card;
    return connector != 0;
  }
};

std::unique_ptr<DrmPresent> DrmPresent::open(std::string& error) {
  glob_t g{};
  if (glob("/dev/dri/card*", 0, nullptr, &g) != 0 || g.gl_pathc == 0) {
    globfree(&g);
    error = "no KMS/DRM device (/dev/dri/card*)";
    return nullptr;
  }
  std::string reasons;
  for (std::size_t i = 0; i < g.gl_pathc; ++i) {
    auto impl = std::make_unique<Impl>();
    impl->card = g.gl_pathv[i];
    impl->fd = ::open(g.gl_pathv[i], O_RDWR | O_CLOEXEC);
    std::string why;
    if (impl->fd < 0) {
      why = impl->card + ": " + std::strerror(errno);
    } else if (drmSetMaster(impl->fd) != 0 && !drmIsMaster(impl->fd)) {
      // The first client of a card is its master; a display server or another player already is.
      why = impl->card + " is in use by another program (a display server?)";
    } else if (impl->pickScreen(why)) {
      if (drmVersion* v = drmGetVersion(impl->fd)) {
        impl->driverName = std::string(v->name, v->name_len);
        drmFreeVersion(v);
      }
      const int w = impl->mode.hdisplay, h = impl->mode.vdisplay;
      if (makeBuffer(impl->fd, w, h, impl->buffers[0], why) && makeBuffer(impl->fd, w, h, impl->buffers[1], why)) {
        impl->saved = drmModeGetCrtc(impl->fd, impl->crtc);
        if (drmModeSetCrtc(impl->fd, impl->crtc, impl->buffers[0].fb, 0, 0, &impl->connector, 1, &impl->mode) == 0) {
          globfree(&g);
          return std::unique_ptr<DrmPresent>(new DrmPresent(std::move(impl)));
        }
        why = impl->card + ": cannot set the screen mode: " + std::strerror(errno);
      }
    }
    reasons += (reasons.empty() ? "" : "; ") + why;
  }
  globfree(&g);
  error = reasons;
  return nullptr;
}

DrmPresent::DrmPresent(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DrmPresent::~DrmPresent() = default;

int DrmPresent::width() const { return impl_->mode.hdisplay; }
int DrmPresent::height() const { return impl_->mode.vdisplay; }

float DrmPresent::dpi() const {
  return impl_->mmWidth > 0 ? impl_->mode.hdisplay * 25.4f / static_cast<float>(impl_->mmWidth) : 0.f;
}

std::string DrmPresent::describe() const {
  return impl_->card + " (" + impl_->driverName + "), " + impl_->connectorName + " " + std::to_string(width()) + "x" +
         std::to_string(height()) + "@" + std::to_string(impl_->mode.vrefresh);
}

void DrmPresent::show(const std::uint8_t* pixels, int pitch, int rotation) {
  Impl& d = *impl_;
  // The buffer about to be written may still be on screen until the last flip completes.
  d.waitForFlip(100);
  DumbBuffer& b = d.buffers[d.back];
  const std::size_t rowBytes = static_cast<std::size_t>(width()) * 4;
  if (rotation != 0 && b.pitch >= rowBytes) {
    // The copy into the buffer turns the upright frame: no turned copy of its own.
    int w = 0, h = 0;
    core::logicalSize(rotation, width(), height(), w, h);
    turnPixels({b.map, static_cast<int>(b.pitch)}, {pixels, pitch}, w, h, rotation, {0, 0, w, h});
  } else {
    for (int y = 0; y < height(); ++y)
      std::memcpy(b.map + static_cast<std::size_t>(y) * b.pitch, pixels + static_cast<std::size_t>(y) * pitch,
                  std::min<std::size_t>(rowBytes, b.pitch));
  }
  if (d.flipsWork && drmModePageFlip(d.fd, d.crtc, b.fb, DRM_MODE_PAGE_FLIP_EVENT, &d) == 0) {
    d.flipPending = true;
  } else {
    d.flipsWork = false;
    drmModeSetCrtc(d.fd, d.crtc, b.fb, 0, 0, &d.connector, 1, &d.mode);
  }
  d.back ^= 1;
}

}  // namespace sf::platform
