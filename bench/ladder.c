// The C reference for syscost's ladder: each probe's call in a plain C loop, timed like syscost's harness
// (calibrated trials, median of per-trial means). bench/compare.sh compiles it into a temp dir with
// `cc -O2 -pthread` and prints syscost/C per probe. Not a test; never committed as a binary.
//
//   ladder [--trials N] [--trial-ms MS] [--pin CPU] [--threads N] [--probes a,b,...] [--cpu-time 1]
//
// --cpu-time 1 times trials by the thread's CPU time instead of the wall clock: on a machine whose CPUs are
// shared by more runnable threads than it has, wall time per call includes the time spent waiting to run.
// --threads N starts N idle threads first: a JVM is a multi-threaded process, and the kernel takes
// atomic file references (fdget) only when the file table is shared, so this shows what that costs.
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile long sink;
static long (*volatile labs_ptr)(long) = labs; // through a pointer, as FFM calls it: never inlined
static int null_w, null_r, zero_r, pipe_fd[2];
static char buf[256];
static struct stat st;
static struct timespec ts;

static long p_ffm_downcall(long n) { long acc = 0; for (long i = 0; i < n; i++) acc += labs_ptr(i - acc); return acc; }
static long p_vdso(long n) { long acc = 0; for (long i = 0; i < n; i++) { clock_gettime(CLOCK_MONOTONIC, &ts); acc += ts.tv_nsec; } return acc; }
static long p_invalid(long n) { long acc = 0; for (long i = 0; i < n; i++) acc += syscall(1023); return acc; }
static long p_getppid(long n) { long acc = 0; for (long i = 0; i < n; i++) acc += getppid(); return acc; }
static long p_cg_sys(long n) { long acc = 0; for (long i = 0; i < n; i++) { acc += syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts); acc += ts.tv_nsec; } return acc; }
static long p_read(long n) { long acc = 0; for (long i = 0; i < n; i++) acc += read(zero_r, buf, 1); return acc; }
static long p_write(long n) { long acc = 0; for (long i = 0; i < n; i++) acc += write(null_w, buf, 1); return acc; }
static long p_fstat(long n) { long acc = 0; for (long i = 0; i < n; i++) { acc += fstat(null_r, &st); acc += st.st_ino; } return acc; }
static long p_open_close(long n) { long acc = 0; for (long i = 0; i < n; i++) { int fd = open("/dev/null", O_RDONLY | O_CLOEXEC); acc += fd + close(fd); } return acc; }
static long p_pipe(long n) { long acc = 0; for (long i = 0; i < n; i++) { acc += write(pipe_fd[1], buf, 1); acc += read(pipe_fd[0], buf, 1); } return acc; }

struct probe { const char *id; long (*run)(long); };
static const struct probe PROBES[] = {
    {"ffm_downcall", p_ffm_downcall}, {"vdso_clock_gettime", p_vdso}, {"invalid_syscall", p_invalid},
    {"getppid", p_getppid}, {"clock_gettime_syscall", p_cg_sys}, {"read_1b_dev_zero", p_read},
    {"write_1b_dev_null", p_write}, {"fstat", p_fstat}, {"open_close", p_open_close},
    {"pipe_write_read_1b", p_pipe},
};

static clockid_t trial_clock = CLOCK_MONOTONIC;
static double now_ns(void) { struct timespec t; clock_gettime(trial_clock, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
static int cmp(const void *a, const void *b) { double x = *(const double *) a, y = *(const double *) b; return (x > y) - (x < y); }
static void *idle(void *arg) { (void) arg; for (;;) pause(); return NULL; }

static double time_per_call(const struct probe *p, long calls) {
    double t0 = now_ns();
    sink += p->run(calls);
    return (now_ns() - t0) / calls;
}

int main(int argc, char **argv) {
    int trials = 15, trial_ms = 40, pin = -1, threads = 0;
    const char *only = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--trials")) trials = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--trial-ms")) trial_ms = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--pin")) pin = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--threads")) threads = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--probes")) only = argv[i + 1];
        else if (!strcmp(argv[i], "--cpu-time")) trial_clock = atoi(argv[i + 1]) ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC;
        else { fprintf(stderr, "ladder: unknown option %s\n", argv[i]); return 2; }
    }
    if (trials < 1 || trials > 1000) { fprintf(stderr, "ladder: --trials must be between 1 and 1000\n"); return 2; }
    if (pin >= 0) {
        cpu_set_t set; CPU_ZERO(&set); CPU_SET(pin, &set);
        if (sched_setaffinity(0, sizeof set, &set) != 0) { perror("ladder: sched_setaffinity"); return 2; }
    }
    for (int i = 0; i < threads; i++) { pthread_t t; pthread_create(&t, NULL, idle, NULL); }
    null_w = open("/dev/null", O_WRONLY | O_CLOEXEC);
    null_r = open("/dev/null", O_RDONLY | O_CLOEXEC);
    zero_r = open("/dev/zero", O_RDONLY | O_CLOEXEC);
    if (null_w < 0 || null_r < 0 || zero_r < 0 || pipe2(pipe_fd, O_CLOEXEC) != 0) { perror("ladder: open"); return 1; }
    double *per = malloc(sizeof(double) * trials);
    printf("# probe median_ns p10_ns p90_ns (trials=%d trial_ms=%d pin=%d threads=%d clock=%s)\n", trials, trial_ms, pin,
           threads, trial_clock == CLOCK_MONOTONIC ? "wall" : "thread-cpu");
    for (size_t k = 0; k < sizeof PROBES / sizeof PROBES[0]; k++) {
        const struct probe *p = &PROBES[k];
        if (only && !strstr(only, p->id)) continue;
        long calls = 256;
        double t;
        while ((t = time_per_call(p, calls)) * calls < trial_ms * 1e6 / 8 && calls < (1L << 28)) calls *= 2;
        calls = (long) (trial_ms * 1e6 / t);
        double end = now_ns() + trial_ms * 1e6 * 8; // warm-up: eight trials' worth, as the caches and predictors settle
        while (now_ns() < end) time_per_call(p, calls / 4 + 1);
        for (int i = 0; i < trials; i++) per[i] = time_per_call(p, calls);
        qsort(per, trials, sizeof(double), cmp);
        double h10 = (trials - 1) * 0.1, h50 = (trials - 1) * 0.5, h90 = (trials - 1) * 0.9;
#define PCT(h) (per[(int) (h)] + ((h) - (int) (h)) * (per[(int) (h) + ((int) (h) + 1 < trials)] - per[(int) (h)]))
        printf("%s %.2f %.2f %.2f\n", p->id, PCT(h50), PCT(h10), PCT(h90));
        fflush(stdout);
    }
    return 0;
}
