/* faultinject.c - LD_PRELOAD shim that makes chosen library calls fail, for tests/cli/faults*.sh
 *
 * Environment (all optional; nothing fails unless asked):
 *   FAULT_OPEN=N     open, openat, fopen (and their 64 forms) fail after N calls
 *                    that match FAULT_PATH succeed
 *   FAULT_READ=N     read, pread fail after N calls succeed
 *   FAULT_WRITE=N    write, pwrite, writev, and stdio's fwrite, fputs, fputc,
 *                    putc, fflush fail after N calls succeed
 *   FAULT_FSYNC=N    fsync, fdatasync fail after N calls succeed
 *   FAULT_MALLOC=N   malloc, calloc, realloc fail after N calls succeed
 *   FAULT_TIMES=K    each armed call fails K times, then succeeds again
 *                    (default: fails from then on)
 *   FAULT_ERRNO=E    the errno of a failure: a name (EIO, EACCES, ENOSPC, EINTR,
 *                    EPIPE, EMFILE, EAGAIN, EROFS) or a number; default EIO
 *                    (ENOMEM for malloc)
 *   FAULT_PATH=S     only paths containing S are counted and failed by open, and
 *                    only descriptors opened from such paths by read, write and
 *                    fsync (stdio writes: only when FAULT_FD names the stream)
 *   FAULT_FD=N       read, write and fsync count and fail only descriptor N
 *   FAULT_SHORT=N    read and write move at most N bytes a call (never fail):
 *                    short transfers that a careful caller loops over
 *   FAULT_REPORT=1   at exit, print how many calls of each kind were made
 *
 * Calls made inside the C library (stdio's own writes, locale loading) do not
 * go through these symbols, which is why stdio's entry points are covered here
 * too. The shim and AddressSanitizer both replace malloc, so it is for builds
 * without sanitizers only. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

/* The C library's own allocator, reached without dlsym (which allocates). */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);

enum { K_OPEN, K_READ, K_WRITE, K_FSYNC, K_MALLOC, K_COUNT };
static const char *kind_env[K_COUNT] = {"FAULT_OPEN", "FAULT_READ", "FAULT_WRITE",
                                        "FAULT_FSYNC", "FAULT_MALLOC"};
static const char *kind_name[K_COUNT] = {"open", "read", "write", "fsync", "malloc"};

static bool ready;
static long after[K_COUNT];     /* -1: never fail */
static long calls[K_COUNT];
static long failures[K_COUNT];
static long times = -1;         /* -1: no limit */
static int fault_errno = EIO;
static bool errno_given;
static const char *path_filter;
static int fd_filter = -1;
static long short_io;
static bool report;

/* Descriptors opened from paths that match FAULT_PATH. */
enum { MAX_FD = 4096 };
static unsigned char tracked[MAX_FD];

static long env_long(const char *name, long fallback)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return fallback;
	return strtol(v, NULL, 10);
}

static int parse_errno(const char *v)
{
	static const struct {
		const char *name;
		int value;
	} names[] = {
		{"EIO", EIO}, {"EACCES", EACCES}, {"ENOSPC", ENOSPC}, {"EINTR", EINTR},
		{"EPIPE", EPIPE}, {"EMFILE", EMFILE}, {"EAGAIN", EAGAIN}, {"EROFS", EROFS},
		{"ENOENT", ENOENT}, {"ENOMEM", ENOMEM}, {"EDQUOT", EDQUOT}, {"EBADF", EBADF},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(v, names[i].name) == 0)
			return names[i].value;
	return atoi(v) > 0 ? atoi(v) : EIO;
}

static void report_counts(void);

static void setup(void)
{
	if (ready)
		return;
	ready = true;
	for (int k = 0; k < K_COUNT; k++)
		after[k] = env_long(kind_env[k], -1);
	times = env_long("FAULT_TIMES", -1);
	const char *e = getenv("FAULT_ERRNO");
	if (e && *e) {
		fault_errno = parse_errno(e);
		errno_given = true;
	}
	path_filter = getenv("FAULT_PATH");
	if (path_filter && !*path_filter)
		path_filter = NULL;
	fd_filter = (int)env_long("FAULT_FD", -1);
	short_io = env_long("FAULT_SHORT", 0);
	report = env_long("FAULT_REPORT", 0) != 0;
	if (report)
		atexit(report_counts);
}

/* Counts a call of `kind` and says whether it is to fail (errno then set). */
static bool should_fail(int kind)
{
	setup();
	long n = calls[kind]++;
	if (after[kind] < 0 || n < after[kind])
		return false;
	if (times >= 0 && failures[kind] >= times)
		return false;
	failures[kind]++;
	errno = kind == K_MALLOC && !errno_given ? ENOMEM : fault_errno;
	return true;
}

static bool fd_selected(int fd)
{
	setup();
	if (fd_filter >= 0)
		return fd == fd_filter;
	if (path_filter)
		return fd >= 0 && fd < MAX_FD && tracked[fd];
	return true;
}

static bool path_selected(const char *path)
{
	setup();
	return !path_filter || (path && strstr(path, path_filter));
}

static void track(int fd, const char *path)
{
	if (fd >= 0 && fd < MAX_FD)
		tracked[fd] = path_filter && path && strstr(path, path_filter);
}

#define REAL(name) real_##name
#define LOOKUP(name)                                                   \
	do {                                                               \
		if (!REAL(name))                                               \
			*(void **)&REAL(name) = dlsym(RTLD_NEXT, #name);           \
	} while (0)

static ssize_t (*real_write)(int, const void *, size_t);

static ssize_t syscall_write_stderr(const char *s)
{
	LOOKUP(write);
	return REAL(write)(2, s, strlen(s));
}

static void report_counts(void)
{
	char line[256];
	int n = snprintf(line, sizeof line, "faultinject:");
	for (int k = 0; k < K_COUNT; k++)
		n += snprintf(line + n, sizeof line - (size_t)n, " %s %ld (%ld failed)", kind_name[k],
		              calls[k], failures[k]);
	snprintf(line + n, sizeof line - (size_t)n, "\n");
	/* write(2) directly: stdio may be the thing that was made to fail. */
	ssize_t ignored = syscall_write_stderr(line);
	(void)ignored;
}

/* --- open ------------------------------------------------------------------ */

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static FILE *(*real_fopen)(const char *, const char *);
static FILE *(*real_fopen64)(const char *, const char *);

static mode_t open_mode(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(ap, mode_t) : 0;
}

#define OPEN_WRAPPER(name)                                              \
	int name(const char *path, int flags, ...)                          \
	{                                                                   \
		va_list ap;                                                     \
		va_start(ap, flags);                                            \
		mode_t mode = open_mode(flags, ap);                             \
		va_end(ap);                                                     \
		if (path_selected(path) && should_fail(K_OPEN))                 \
			return -1;                                                  \
		LOOKUP(name);                                                   \
		int fd = REAL(name)(path, flags, mode);                         \
		track(fd, path);                                                \
		return fd;                                                      \
	}
OPEN_WRAPPER(open)
OPEN_WRAPPER(open64)

#define OPENAT_WRAPPER(name)                                            \
	int name(int dir, const char *path, int flags, ...)                 \
	{                                                                   \
		va_list ap;                                                     \
		va_start(ap, flags);                                            \
		mode_t mode = open_mode(flags, ap);                             \
		va_end(ap);                                                     \
		if (path_selected(path) && should_fail(K_OPEN))                 \
			return -1;                                                  \
		LOOKUP(name);                                                   \
		int fd = REAL(name)(dir, path, flags, mode);                    \
		track(fd, path);                                                \
		return fd;                                                      \
	}
OPENAT_WRAPPER(openat)
OPENAT_WRAPPER(openat64)

#define FOPEN_WRAPPER(name)                                             \
	FILE *name(const char *path, const char *how)                       \
	{                                                                   \
		if (path_selected(path) && should_fail(K_OPEN))                 \
			return NULL;                                                \
		LOOKUP(name);                                                   \
		FILE *f = REAL(name)(path, how);                                \
		if (f)                                                          \
			track(fileno(f), path);                                     \
		return f;                                                       \
	}
FOPEN_WRAPPER(fopen)
FOPEN_WRAPPER(fopen64)

/* --- read and write ---------------------------------------------------------- */

static ssize_t (*real_read)(int, void *, size_t);
static ssize_t (*real_pread)(int, void *, size_t, off_t);
static ssize_t (*real_pread64)(int, void *, size_t, off_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);

static size_t shorten(size_t count)
{
	return short_io > 0 && count > (size_t)short_io ? (size_t)short_io : count;
}

ssize_t read(int fd, void *dest, size_t count)
{
	if (fd_selected(fd) && should_fail(K_READ))
		return -1;
	LOOKUP(read);
	return REAL(read)(fd, dest, shorten(count));
}

#define PREAD_WRAPPER(name)                                             \
	ssize_t name(int fd, void *dest, size_t count, off_t at)            \
	{                                                                   \
		if (fd_selected(fd) && should_fail(K_READ))                     \
			return -1;                                                  \
		LOOKUP(name);                                                   \
		return REAL(name)(fd, dest, shorten(count), at);                \
	}
PREAD_WRAPPER(pread)
PREAD_WRAPPER(pread64)

ssize_t write(int fd, const void *src, size_t count)
{
	if (fd_selected(fd) && should_fail(K_WRITE))
		return -1;
	LOOKUP(write);
	return REAL(write)(fd, src, shorten(count));
}

#define PWRITE_WRAPPER(name)                                            \
	ssize_t name(int fd, const void *src, size_t count, off_t at)       \
	{                                                                   \
		if (fd_selected(fd) && should_fail(K_WRITE))                    \
			return -1;                                                  \
		LOOKUP(name);                                                   \
		return REAL(name)(fd, src, shorten(count), at);                 \
	}
PWRITE_WRAPPER(pwrite)
PWRITE_WRAPPER(pwrite64)

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	if (fd_selected(fd) && should_fail(K_WRITE))
		return -1;
	LOOKUP(writev);
	return REAL(writev)(fd, iov, n);
}

/* stdio writes through the C library's internal write, out of the shim's
 * reach, so its entry points fail here instead, the way a stream whose
 * write failed does: the error flag set, the call reporting failure. Only a
 * stream named by FAULT_FD is failed, so that the message about the failure
 * can still be written to stderr. */
#define STREAM_ERROR_FLAG 0x0020   /* glibc's _IO_ERR_SEEN */

static bool stream_fails(FILE *f)
{
	setup();
	if (after[K_WRITE] < 0 || !f || fd_filter < 0 || fileno(f) != fd_filter)
		return false;
	if (!should_fail(K_WRITE))
		return false;
	f->_flags |= STREAM_ERROR_FLAG;
	return true;
}

static size_t (*real_fwrite)(const void *, size_t, size_t, FILE *);
static int (*real_fputs)(const char *, FILE *);
static int (*real_fputc)(int, FILE *);
static int (*real_putc)(int, FILE *);
static int (*real_fflush)(FILE *);

size_t fwrite(const void *src, size_t size, size_t count, FILE *f)
{
	if (stream_fails(f))
		return 0;
	LOOKUP(fwrite);
	return REAL(fwrite)(src, size, count, f);
}

int fputs(const char *s, FILE *f)
{
	if (stream_fails(f))
		return EOF;
	LOOKUP(fputs);
	return REAL(fputs)(s, f);
}

int fputc(int c, FILE *f)
{
	if (stream_fails(f))
		return EOF;
	LOOKUP(fputc);
	return REAL(fputc)(c, f);
}

int putc(int c, FILE *f)
{
	if (stream_fails(f))
		return EOF;
	LOOKUP(putc);
	return REAL(putc)(c, f);
}

int fflush(FILE *f)
{
	if (stream_fails(f))
		return EOF;
	LOOKUP(fflush);
	return REAL(fflush)(f);
}

/* --- fsync --------------------------------------------------------------------- */

static int (*real_fsync)(int);
static int (*real_fdatasync)(int);

int fsync(int fd)
{
	if (fd_selected(fd) && should_fail(K_FSYNC))
		return -1;
	LOOKUP(fsync);
	return REAL(fsync)(fd);
}

int fdatasync(int fd)
{
	if (fd_selected(fd) && should_fail(K_FSYNC))
		return -1;
	LOOKUP(fdatasync);
	return REAL(fdatasync)(fd);
}

/* --- malloc ---------------------------------------------------------------------- */

void *malloc(size_t size)
{
	if (should_fail(K_MALLOC))
		return NULL;
	return __libc_malloc(size);
}

void *calloc(size_t count, size_t size)
{
	if (should_fail(K_MALLOC))
		return NULL;
	return __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size)
{
	/* realloc(p, 0) frees; only a real request can fail. */
	if (size && should_fail(K_MALLOC))
		return NULL;
	return __libc_realloc(ptr, size);
}
