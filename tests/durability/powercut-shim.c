/*
 * Power-cut simulation for tests (Linux, LD_PRELOAD): lets every file operation happen as usual and
 * logs, for files under $FEUILLET_POWERCUT_DIR, what a power cut could undo: each write (offset + bytes),
 * truncate, fsync/fdatasync, creation, unlink and rename, in order, to $FEUILLET_POWERCUT_LOG.
 * tests/durability/power-cut.ts replays that log keeping, for each file, only the operations followed
 * by an fsync of that file: the state the disk would hold after the power failed at the kill.
 * Record: type (1 byte), path length (u32), path, then W: offset (i64), length (u32), bytes;
 * T: size (i64); R: second path length (u32), second path. Log entries are written after the real call
 * succeeded, so an entry absent from the log never counted as done.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_FDS 65536
static char *fd_path[MAX_FDS];
static int log_fd = -1;
static char watch_dir[PATH_MAX];
static size_t watch_len = 0;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_close)(int);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_ftruncate)(int, off_t);
static int (*real_ftruncate64)(int, off_t);
static int (*real_rename)(const char *, const char *);
static int (*real_unlink)(const char *);

__attribute__((constructor)) static void init(void) {
  real_write = dlsym(RTLD_NEXT, "write");
  real_pwrite = dlsym(RTLD_NEXT, "pwrite");
  real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
  real_pwritev = dlsym(RTLD_NEXT, "pwritev");
  real_writev = dlsym(RTLD_NEXT, "writev");
  real_open = dlsym(RTLD_NEXT, "open");
  real_open64 = dlsym(RTLD_NEXT, "open64");
  real_openat = dlsym(RTLD_NEXT, "openat");
  real_openat64 = dlsym(RTLD_NEXT, "openat64");
  real_close = dlsym(RTLD_NEXT, "close");
  real_fsync = dlsym(RTLD_NEXT, "fsync");
  real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
  real_ftruncate = dlsym(RTLD_NEXT, "ftruncate");
  real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
  real_rename = dlsym(RTLD_NEXT, "rename");
  real_unlink = dlsym(RTLD_NEXT, "unlink");
  const char *dir = getenv("FEUILLET_POWERCUT_DIR");
  const char *log = getenv("FEUILLET_POWERCUT_LOG");
  if (!dir || !log) return;
  strncpy(watch_dir, dir, sizeof watch_dir - 1);
  watch_len = strlen(watch_dir);
  log_fd = real_open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

static int watched(const char *path) {
  return log_fd >= 0 && path && watch_len > 0 && strncmp(path, watch_dir, watch_len) == 0;
}

static void out(const void *p, size_t n) {
  const char *c = p;
  while (n > 0) {
    ssize_t w = real_write(log_fd, c, n);
    if (w <= 0) { if (errno == EINTR) continue; abort(); }
    c += w; n -= (size_t)w;
  }
}

static void record(char type, const char *path, const void *extra, size_t extra_len, const void *data, size_t data_len) {
  pthread_mutex_lock(&mu);
  uint32_t len = (uint32_t)strlen(path);
  out(&type, 1);
  out(&len, 4);
  out(path, len);
  if (extra_len) out(extra, extra_len);
  if (data_len) out(data, data_len);
  pthread_mutex_unlock(&mu);
}

static void record_write(int fd, int64_t offset, const void *buf, ssize_t n) {
  if (n <= 0 || fd < 0 || fd >= MAX_FDS || !fd_path[fd]) return;
  char extra[12];
  uint32_t len = (uint32_t)n;
  memcpy(extra, &offset, 8);
  memcpy(extra + 8, &len, 4);
  record('W', fd_path[fd], extra, 12, buf, (size_t)n);
}

static void track(int fd, const char *path, int flags) {
  if (fd < 0 || fd >= MAX_FDS) return;
  free(fd_path[fd]);
  fd_path[fd] = NULL;
  char abs[PATH_MAX];
  if (path[0] != '/') {
    if (!getcwd(abs, sizeof abs)) return;
    strncat(abs, "/", sizeof abs - strlen(abs) - 1);
    strncat(abs, path, sizeof abs - strlen(abs) - 1);
    path = abs;
  }
  if (!watched(path)) return;
  fd_path[fd] = strdup(path);
  if (flags & O_CREAT) record('C', path, NULL, 0, NULL, 0);
  if (flags & O_TRUNC) {
    int64_t zero = 0;
    record('T', path, &zero, 8, NULL, 0);
  }
}

#define MODE_ARG mode_t mode = 0; if (flags & (O_CREAT | O_TMPFILE)) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }

int open(const char *path, int flags, ...) { MODE_ARG int fd = real_open(path, flags, mode); track(fd, path, flags); return fd; }
int open64(const char *path, int flags, ...) { MODE_ARG int fd = real_open64(path, flags, mode); track(fd, path, flags); return fd; }
int openat(int dirfd, const char *path, int flags, ...) { MODE_ARG int fd = real_openat(dirfd, path, flags, mode); if (dirfd == AT_FDCWD || path[0] == '/') track(fd, path, flags); return fd; }
int openat64(int dirfd, const char *path, int flags, ...) { MODE_ARG int fd = real_openat64(dirfd, path, flags, mode); if (dirfd == AT_FDCWD || path[0] == '/') track(fd, path, flags); return fd; }

int close(int fd) {
  if (fd >= 0 && fd < MAX_FDS && fd_path[fd]) { free(fd_path[fd]); fd_path[fd] = NULL; }
  return real_close(fd);
}

ssize_t write(int fd, const void *buf, size_t n) {
  off_t at = (fd >= 0 && fd < MAX_FDS && fd_path[fd]) ? lseek(fd, 0, SEEK_CUR) : -1;
  ssize_t r = real_write(fd, buf, n);
  if (at >= 0) record_write(fd, at, buf, r);
  return r;
}
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) { ssize_t r = real_pwrite(fd, buf, n, off); record_write(fd, off, buf, r); return r; }
ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off) { ssize_t r = real_pwrite64(fd, buf, n, off); record_write(fd, off, buf, r); return r; }

static void record_vec(int fd, int64_t off, const struct iovec *iov, int cnt, ssize_t r) {
  for (int i = 0; i < cnt && r > 0; i++) {
    ssize_t n = (ssize_t)iov[i].iov_len < r ? (ssize_t)iov[i].iov_len : r;
    record_write(fd, off, iov[i].iov_base, n);
    off += n; r -= n;
  }
}
ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off) { ssize_t r = real_pwritev(fd, iov, cnt, off); record_vec(fd, off, iov, cnt, r); return r; }
ssize_t writev(int fd, const struct iovec *iov, int cnt) {
  off_t at = (fd >= 0 && fd < MAX_FDS && fd_path[fd]) ? lseek(fd, 0, SEEK_CUR) : -1;
  ssize_t r = real_writev(fd, iov, cnt);
  if (at >= 0) record_vec(fd, at, iov, cnt, r);
  return r;
}

static void record_trunc(int fd, off_t size) {
  if (fd < 0 || fd >= MAX_FDS || !fd_path[fd]) return;
  int64_t s = size;
  record('T', fd_path[fd], &s, 8, NULL, 0);
}
int ftruncate(int fd, off_t size) { int r = real_ftruncate(fd, size); if (r == 0) record_trunc(fd, size); return r; }
int ftruncate64(int fd, off_t size) { int r = real_ftruncate64(fd, size); if (r == 0) record_trunc(fd, size); return r; }

static void record_sync(int fd) { if (fd >= 0 && fd < MAX_FDS && fd_path[fd]) record('S', fd_path[fd], NULL, 0, NULL, 0); }
int fsync(int fd) { int r = real_fsync(fd); if (r == 0) record_sync(fd); return r; }
int fdatasync(int fd) { int r = real_fdatasync(fd); if (r == 0) record_sync(fd); return r; }

int unlink(const char *path) { int r = real_unlink(path); if (r == 0 && watched(path)) record('U', path, NULL, 0, NULL, 0); return r; }
int rename(const char *from, const char *to) {
  int r = real_rename(from, to);
  if (r == 0 && (watched(from) || watched(to))) {
    uint32_t len = (uint32_t)strlen(to);
    char extra[4 + PATH_MAX];
    memcpy(extra, &len, 4);
    memcpy(extra + 4, to, len);
    record('R', from, extra, 4 + len, NULL, 0);
  }
  return r;
}
