// notebook-sandbox [OPTIONS] SCRATCH PROGRAM [ARGUMENTS...]
// notebook-sandbox --probe
//
// Runs PROGRAM (a snippet) confined, with the strongest mechanisms Linux offers an unprivileged
// user, each used when the kernel has it:
//
// - Landlock (file system): PROGRAM may read only the folders given with --read (the package,
//   its build products, the Swift toolchain), the system's libraries and a few device files, and
//   write only inside SCRATCH. Landlock ABI 4 (network): no TCP connect or bind unless --network.
// - Namespaces: a new user, PID and (unless --network) network namespace. PROGRAM runs as the
//   child of a small init process; when PROGRAM ends, or this launcher is killed, the namespace's
//   init ends and the kernel kills every process left in it, whatever group or session they made.
// - Limits (setrlimit): address space (--memory), processes and threads (--processes), CPU time
//   (--cpu), size of a file written (--file-size), open files (--open-files); no core dumps.
//   Where a cgroup can be created (pids, memory), the process and memory limits are also set
//   there, which holds for root too, and tells for certain when a limit was hit.
//
// --report FILE receives one line per protection, `protection NAME on|off REASON`, a line
// `cgroup KIND PATH` for each cgroup made (so that the runner can read and remove it when this
// launcher is killed at a timeout), and after the run `limit NAME` for a limit the cgroup saw hit. --probe prints the protection lines for
// this machine and exits. The exit status is PROGRAM's; a signal that ended PROGRAM ends this
// launcher too. 125: the sandbox could not be set up; 127: PROGRAM could not be started.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <sys/socket.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

// Landlock's network rights (ABI 4, Linux 6.7), which older kernel headers lack.
#define NET_BIND_TCP (1ULL << 0)
#define NET_CONNECT_TCP (1ULL << 1)

/// `struct landlock_ruleset_attr` with the network field older headers lack.
struct ruleset_attributes {
    __u64 handled_access_fs;
    __u64 handled_access_net;
};

#define READ_RIGHTS (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
#define WRITE_RIGHTS (LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE | \
    LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK | \
    LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM)
#define FILE_RIGHTS (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE)

/// Folders every program needs to read: the dynamic loader, system libraries, locales, time zones.
static const char *system_reads[] = { "/usr", "/lib", "/lib64", "/bin", "/etc/ld.so.cache", "/etc/localtime", "/proc/meminfo", "/proc/cpuinfo", "/proc/stat", "/proc/sys/kernel/random/uuid",
    "/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/sys/devices/system/cpu", "/proc/self", NULL };

struct options {
    const char *reads[64];
    int read_count;
    const char *writes[8];
    int write_count;
    unsigned long long timeout;
    unsigned long long memory, processes, cpu, file_size, open_files;
    int network;
    const char *report;
    const char *scratch;
    char **program;
};

static FILE *report_file;

static void report(const char *format, ...) {
    if (!report_file) return;
    va_list arguments;
    va_start(arguments, format);
    vfprintf(report_file, format, arguments);
    va_end(arguments);
    fputc('\n', report_file);
    fflush(report_file);
}

static int landlock_abi(void) {
    int abi = (int)syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    return abi < 0 ? 0 : abi;
}

static int allow(int ruleset, const char *path, __u64 rights, __u64 handled) {
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT ? 0 : -1;  // a system folder this machine lacks needs no rule
    struct stat info;
    if (fstat(fd, &info) == 0 && !S_ISDIR(info.st_mode)) rights &= FILE_RIGHTS | LANDLOCK_ACCESS_FS_TRUNCATE;
    struct landlock_path_beneath_attr rule = { .allowed_access = rights & handled, .parent_fd = fd };
    int result = (int)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
    close(fd);
    return result;
}

/// Confines the calling process; returns 0, or -1 with errno set.
static int confine(const struct options *options, int abi) {
    __u64 handled = READ_RIGHTS | WRITE_RIGHTS;
    if (abi >= 2) handled |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
    struct ruleset_attributes attributes = { .handled_access_fs = handled };
    size_t size = offsetof(struct ruleset_attributes, handled_access_net);
    if (abi >= 4 && !options->network) {
        attributes.handled_access_net = NET_BIND_TCP | NET_CONNECT_TCP;
        size = sizeof attributes;
    }
    int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attributes, size, 0);
    if (ruleset < 0) return -1;
    int failed = allow(ruleset, options->scratch, handled, handled) != 0;
    for (int i = 0; !failed && system_reads[i]; i++) failed = allow(ruleset, system_reads[i], READ_RIGHTS, handled) != 0;
    for (int i = 0; !failed && i < options->read_count; i++) failed = allow(ruleset, options->reads[i], READ_RIGHTS, handled) != 0;
    if (!failed) failed = allow(ruleset, "/dev/null", FILE_RIGHTS, handled) != 0;
    for (int i = 0; !failed && i < options->write_count; i++) failed = allow(ruleset, options->writes[i], FILE_RIGHTS | LANDLOCK_ACCESS_FS_TRUNCATE, handled) != 0;
    // Name resolution and certificates for a snippet that may use the network.
    static const char *network_reads[] = { "/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/ssl", "/etc/ca-certificates", "/etc/gai.conf", NULL };
    for (int i = 0; !failed && options->network && network_reads[i]; i++) failed = allow(ruleset, network_reads[i], READ_RIGHTS, handled) != 0;
    if (!failed) failed = prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || syscall(SYS_landlock_restrict_self, ruleset, 0) != 0;
    int saved = errno;
    close(ruleset);
    errno = saved;
    return failed ? -1 : 0;
}

#if defined(__x86_64__)
#define OWN_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define OWN_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

/// Refuses `socket(AF_UNIX, ...)`: without it, "no network" would still reach every Unix socket
/// on the machine (a container engine's, D-Bus). Returns 0, or -1 where seccomp is missing.
static int refuse_unix_sockets(void) {
#ifdef OWN_AUDIT_ARCH
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, OWN_AUDIT_ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_UNIX, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EACCES & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = { .len = (unsigned short)(sizeof filter / sizeof filter[0]), .filter = filter };
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) == 0 ? 0 : -1;
#else
    return -1;
#endif
}

/// The user a snippet runs as when the build runs as root: nobody, so that it owns no file.
#define UNPRIVILEGED_ID 65534

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t length = (ssize_t)strlen(text);
    int ok = write(fd, text, (size_t)length) == length;
    close(fd);
    return ok ? 0 : -1;
}

static int read_file(const char *path, char *buffer, size_t size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t length = read(fd, buffer, size - 1);
    close(fd);
    if (length < 0) return -1;
    buffer[length] = 0;
    return 0;
}

/// A cgroup (v1 controller folder, or v2) of our own for one run.
struct cgroup {
    char pids[512];    // the pids cgroup folder, or ""
    char memory[512];  // the memory cgroup folder, or ""
    int v2;
};

/// The calling process's cgroup path for a v1 controller ("pids") or v2 (controller NULL).
static int own_cgroup(const char *controller, char *path, size_t size) {
    FILE *file = fopen("/proc/self/cgroup", "re");
    if (!file) return -1;
    char line[1024];
    int found = -1;
    while (fgets(line, sizeof line, file)) {
        line[strcspn(line, "\n")] = 0;
        char *first = strchr(line, ':');
        char *second = first ? strchr(first + 1, ':') : NULL;
        if (!second) continue;
        *second = 0;
        const char *list = first + 1;
        int match = controller ? strstr(list, controller) != NULL : (strcmp(line, "0") == 0 && *list == 0);
        if (match) {
            snprintf(path, size, "%s", strcmp(second + 1, "/") == 0 ? "" : second + 1);
            found = 0;
            break;
        }
    }
    fclose(file);
    return found;
}

/// Makes the cgroup `folder`, writes `count` limits (`files[i]` gets `values[i]`) and moves the
/// calling process into it. Returns a bit per limit written (bit i for `files[i]`), or 0 with the
/// folder removed when it could not be made, no limit took, or the process could not join.
static int make_group(const char *folder, int count, const char *const files[], const char *const values[]) {
    if (mkdir(folder, 0755) != 0) return 0;
    char file[700];
    int written = 0;
    for (int i = 0; i < count; i++) {
        snprintf(file, sizeof file, "%s/%s", folder, files[i]);
        if (write_file(file, values[i]) == 0) written |= 1 << i;
    }
    snprintf(file, sizeof file, "%s/cgroup.procs", folder);
    if (written == 0 || write_file(file, "0") != 0) {
        rmdir(folder);
        return 0;
    }
    return written;
}

/// Creates the run's cgroups (v1 pids and memory controllers, else one v2 group with both) and
/// moves the calling process into them.
static void cgroup_setup(struct cgroup *group, const struct options *options) {
    memset(group, 0, sizeof *group);
    char own[400], folder[512], processes[32], memory[32];
    snprintf(processes, sizeof processes, "%llu", options->processes + 2);
    snprintf(memory, sizeof memory, "%llu", options->memory);
    int self = (int)getpid();
    if (own_cgroup("pids", own, sizeof own) == 0) {
        snprintf(folder, sizeof folder, "/sys/fs/cgroup/pids%s/notebook-%d", own, self);
        if (make_group(folder, 1, (const char *const[]){ "pids.max" }, (const char *const[]){ processes }))
            snprintf(group->pids, sizeof group->pids, "%s", folder);
    }
    if (own_cgroup("memory", own, sizeof own) == 0) {
        snprintf(folder, sizeof folder, "/sys/fs/cgroup/memory%s/notebook-%d", own, self);
        if (make_group(folder, 1, (const char *const[]){ "memory.limit_in_bytes" }, (const char *const[]){ memory }))
            snprintf(group->memory, sizeof group->memory, "%s", folder);
    }
    if (!group->pids[0] && !group->memory[0] && own_cgroup(NULL, own, sizeof own) == 0) {
        snprintf(folder, sizeof folder, "/sys/fs/cgroup%s/notebook-%d", own, self);
        int written = make_group(folder, 2, (const char *const[]){ "pids.max", "memory.max" }, (const char *const[]){ processes, memory });
        group->v2 = written != 0;
        if (written & 1) snprintf(group->pids, sizeof group->pids, "%s", folder);
        if (written & 2) snprintf(group->memory, sizeof group->memory, "%s", folder);
    }
}

/// Which limits the cgroups saw hit; then the cgroups are removed.
static void cgroup_finish(const struct cgroup *group) {
    char file[700], text[4096];
    if (group->pids[0]) {
        snprintf(file, sizeof file, "%s/pids.events", group->pids);
        if (read_file(file, text, sizeof text) == 0) {
            char *max = strstr(text, "max ");
            if (max && atoll(max + 4) > 0) report("limit processes");
        }
    }
    if (group->memory[0]) {
        if (group->v2) {
            snprintf(file, sizeof file, "%s/memory.events", group->memory);
            if (read_file(file, text, sizeof text) == 0) {
                char *oom = strstr(text, "oom_kill ");
                if (oom && atoll(oom + 9) > 0) report("limit memory");
            }
        } else {
            snprintf(file, sizeof file, "%s/memory.oom_control", group->memory);
            if (read_file(file, text, sizeof text) == 0) {
                char *oom = strstr(text, "oom_kill ");
                if (oom && atoll(oom + 9) > 0) report("limit memory");
            }
        }
    }
    // Leave the groups (back to the parent's), then remove them once their processes are gone;
    // a launcher that gave up root leaves that to the runner.
    if (geteuid() != 0) return;
    const char *folders[2] = { group->pids, group->memory };
    for (int i = 0; i < 2; i++) {
        if (!folders[i][0] || (i == 1 && strcmp(folders[0], folders[1]) == 0)) continue;
        char parent[600];
        snprintf(parent, sizeof parent, "%s", folders[i]);
        char *slash = strrchr(parent, '/');
        if (!slash) continue;
        *slash = 0;
        snprintf(file, sizeof file, "%s/cgroup.procs", parent);
        write_file(file, "0");
        for (int attempt = 0; attempt < 100 && rmdir(folders[i]) != 0 && errno == EBUSY; attempt++) usleep(10000);
    }
}

static volatile pid_t init_to_kill;
static volatile sig_atomic_t timed_out;

/// At the time limit: end the namespace's init, and so everything in it.
static void kill_init(int signal_number) {
    (void)signal_number;
    timed_out = 1;
    if (init_to_kill > 0) kill(init_to_kill, SIGKILL);
}

static void set_limit(int resource, unsigned long long value) {
    if (value == 0) return;
    struct rlimit limit = { .rlim_cur = (rlim_t)value, .rlim_max = (rlim_t)value };
    setrlimit(resource, &limit);
}

/// Maps the calling user to itself in a new user namespace; 0 when it worked.
static int map_user(uid_t uid, gid_t gid) {
    char text[64];
    write_file("/proc/self/setgroups", "deny");
    snprintf(text, sizeof text, "%d %d 1", (int)uid, (int)uid);
    int failed = write_file("/proc/self/uid_map", text) != 0;
    snprintf(text, sizeof text, "%d %d 1", (int)gid, (int)gid);
    failed |= write_file("/proc/self/gid_map", text) != 0;
    return failed ? -1 : 0;
}

static unsigned long long number(const char *text, const char *option) {
    char *end;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno || *end || end == text) {
        fprintf(stderr, "notebook-sandbox: %s takes a whole number, not '%s'\n", option, text);
        exit(125);
    }
    return value;
}

static void usage(void) {
    fprintf(stderr, "usage: notebook-sandbox [--read DIR]... [--memory BYTES] [--processes N] [--cpu SECONDS] [--file-size BYTES]\n"
                    "       [--open-files N] [--network] [--report FILE] SCRATCH PROGRAM [ARGUMENTS...]\n"
                    "       notebook-sandbox --probe\n");
    exit(2);
}

static int group_dropped_root;

/// The protections this machine gives, one `protection` line each (for --probe and --report).
static void describe(int abi, int namespaces, int network_namespace, int network, const struct cgroup *group) {
    report("protection landlock-files %s", abi >= 1 ? "on" : "off kernel without Landlock (Linux 5.13+)");
    if (network) report("protection network off allowed by the notebook");
    else if (network_namespace) report("protection network on");
    else if (abi >= 4) report("protection network off no network namespace: Landlock stops TCP only, not UDP or raw sockets");
    else report("protection network off neither a network namespace nor Landlock ABI 4 is available");
    if (abi >= 1 && abi < 3) report("protection landlock-truncate off Landlock ABI %d cannot stop truncating files outside the scratch folder (Linux 6.2+)", abi);
    report("protection descendants %s", namespaces ? "on" : "off no PID namespace (user namespaces disabled)");
    report("protection limits on");
    int root = geteuid() == 0 && !group_dropped_root;
    if (group) {
        if (group->pids[0]) report("protection processes on");
        else if (root) report("protection processes off running as root without a writable pids cgroup (RLIMIT_NPROC does not bind root)");
        else report("protection processes on");
    }
}

int main(int argc, char **argv) {
    pid_t parent = getppid();
    struct options options = { .memory = 2ULL << 30, .processes = 256, .cpu = 600, .file_size = 256ULL << 20, .open_files = 1024 };
    int probe = 0, i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        const char *option = argv[i];
        if (strcmp(option, "--probe") == 0) { probe = 1; continue; }
        if (strcmp(option, "--network") == 0) { options.network = 1; continue; }
        if (i + 1 >= argc) usage();
        const char *value = argv[++i];
        if (strcmp(option, "--read") == 0) {
            if (options.read_count == 64) usage();
            options.reads[options.read_count++] = value;
        } else if (strcmp(option, "--write") == 0) {
            if (options.write_count == 8) usage();
            options.writes[options.write_count++] = value;
        } else if (strcmp(option, "--timeout") == 0) options.timeout = number(value, option); else if (strcmp(option, "--memory") == 0) options.memory = number(value, option);
        else if (strcmp(option, "--processes") == 0) options.processes = number(value, option);
        else if (strcmp(option, "--cpu") == 0) options.cpu = number(value, option);
        else if (strcmp(option, "--file-size") == 0) options.file_size = number(value, option);
        else if (strcmp(option, "--open-files") == 0) options.open_files = number(value, option);
        else if (strcmp(option, "--report") == 0) options.report = value;
        else usage();
    }
    int abi = landlock_abi();
    if (probe) {
        report_file = stdout;
        pid_t child = fork();
        if (child == 0) {
            // Whether namespaces can be made here: try in a child that then exits.
            int ok = unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET) == 0 || unshare(CLONE_NEWPID | CLONE_NEWNET) == 0;
            _exit(ok ? 0 : 1);
        }
        int status = 0;
        waitpid(child, &status, 0);
        int namespaces = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        struct cgroup group;
        cgroup_setup(&group, &options);
        describe(abi, namespaces, namespaces, 0, &group);
        cgroup_finish(&group);
        return 0;
    }
    if (argc - i < 2) usage();
    options.scratch = argv[i];
    options.program = argv + i + 1;
    if (options.report) report_file = fopen(options.report, "we");

    uid_t uid = geteuid();
    gid_t gid = getegid();
    struct cgroup group;
    cgroup_setup(&group, &options);
    // Running as root: the snippet runs as nobody, owning no file but its scratch folder and
    // events file (so it cannot chmod or touch what Landlock only guards against writing).
    if (uid == 0) {
        int dropped = chown(options.scratch, UNPRIVILEGED_ID, UNPRIVILEGED_ID) == 0;
        for (int w = 0; dropped && w < options.write_count; w++) dropped = chown(options.writes[w], UNPRIVILEGED_ID, UNPRIVILEGED_ID) == 0;
        if (dropped) dropped = setgroups(0, NULL) == 0 && setgid(UNPRIVILEGED_ID) == 0 && setuid(UNPRIVILEGED_ID) == 0;
        if (!dropped) {
            fprintf(stderr, "notebook-sandbox: cannot give up root for the snippet: %s\n", strerror(errno));
            return 125;
        }
        prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);  // a uid change clears it, and /proc/self/uid_map needs it
        uid = UNPRIVILEGED_ID;
        gid = UNPRIVILEGED_ID;
        group_dropped_root = 1;
    }
    int network_flag = options.network ? 0 : CLONE_NEWNET;
    int namespaces = 0;
    if (unshare(CLONE_NEWUSER | CLONE_NEWPID | network_flag) == 0) {
        if (map_user(uid, gid) != 0) {
            fprintf(stderr, "notebook-sandbox: cannot map the user into its namespace: %s\n", strerror(errno));
            return 125;
        }
        namespaces = 1;
    }
    describe(abi, namespaces, namespaces && !options.network, options.network, &group);
    if (group.pids[0]) report("cgroup %s %s", group.v2 ? "v2" : "pids", group.pids);
    if (group.memory[0] && strcmp(group.memory, group.pids) != 0) report("cgroup %s %s", group.v2 ? "v2" : "memory", group.memory);

    // Dies with the thread that started it, which waits for it (notebook's ChildProcess), and the
    // namespace's init and the snippet die with it: a notebook killed outright (SIGKILL, which no
    // handler sees) leaves no snippet running to its time limit. Set here, after the changes of
    // user and namespace, each of which clears it; a parent gone before then is seen at once.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) return 125;

    // The status of PROGRAM travels from the namespace's init to this launcher through a pipe.
    int channel[2];
    if (pipe2(channel, O_CLOEXEC) != 0) {
        fprintf(stderr, "notebook-sandbox: cannot make a pipe: %s\n", strerror(errno));
        return 125;
    }
    pid_t launcher = getpid();
    pid_t init = fork();
    if (init < 0) {
        fprintf(stderr, "notebook-sandbox: cannot start: %s\n", strerror(errno));
        return 125;
    }
    if (init == 0) {
        // The namespace's init: dies with the launcher, starts PROGRAM, passes on its status.
        close(channel[0]);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (!namespaces && getppid() != launcher) _exit(125);
        pid_t program = fork();
        if (program == 0) {
            close(channel[1]);
            // Nothing the caller had open reaches the snippet but its standard streams.
            if (syscall(SYS_close_range, 3, ~0U, 0) != 0) { for (int fd = 3; fd < 4096; fd++) close(fd); }
            set_limit(RLIMIT_AS, options.memory);
            // A little above the pids cgroup's limit, which says for certain when it is hit; where
            // there is no cgroup this one holds.
            set_limit(RLIMIT_NPROC, options.processes + 4);
            // The hard limit a second above the soft one: at the soft limit the kernel sends
            // SIGXCPU, which ends the snippet and says why; with both equal it sent SIGKILL,
            // which reads as a kill from outside.
            if (options.cpu > 0) {
                struct rlimit cpu = { .rlim_cur = (rlim_t)options.cpu, .rlim_max = (rlim_t)options.cpu + 1 };
                setrlimit(RLIMIT_CPU, &cpu);
            }
            set_limit(RLIMIT_FSIZE, options.file_size);
            set_limit(RLIMIT_NOFILE, options.open_files);
            struct rlimit none = { 0, 0 };
            setrlimit(RLIMIT_CORE, &none);
            if (abi >= 1 && confine(&options, abi) != 0) {
                fprintf(stderr, "notebook-sandbox: cannot confine the snippet: %s\n", strerror(errno));
                _exit(125);
            }
            if (!options.network && refuse_unix_sockets() != 0) {
                fprintf(stderr, "notebook-sandbox: cannot refuse Unix sockets: %s\n", strerror(errno));
                _exit(125);
            }
            execv(options.program[0], options.program);
            fprintf(stderr, "notebook-sandbox: cannot run %s: %s\n", options.program[0], strerror(errno));
            _exit(127);
        }
        int status = 0;
        if (program > 0) {
            // Reap everything; PROGRAM's own status is the one passed on.
            for (;;) {
                int any = 0;
                pid_t done = waitpid(-1, &any, 0);
                if (done == program) { status = any; break; }
                if (done < 0 && errno != EINTR) break;
            }
        } else {
            status = 125 << 8;
        }
        ssize_t written = write(channel[1], &status, sizeof status);
        (void)written;
        _exit(0);
    }
    close(channel[1]);
    // The launcher holds the time limit too: if whoever started it dies, the snippet still ends.
    if (options.timeout > 0) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = kill_init;
        sigaction(SIGALRM, &action, NULL);
        init_to_kill = init;
        alarm((unsigned)options.timeout);
    }
    int status = 125 << 8;
    ssize_t got;
    do { got = read(channel[0], &status, sizeof status); } while (got < 0 && errno == EINTR);
    if (got != sizeof status) status = timed_out ? SIGKILL : 125 << 8;
    int ignored;
    waitpid(init, &ignored, 0);
    cgroup_finish(&group);
    if (report_file) fclose(report_file);
    if (WIFSIGNALED(status)) {
        int signal_number = WTERMSIG(status);
        signal(signal_number, SIG_DFL);
        struct rlimit none = { 0, 0 };
        setrlimit(RLIMIT_CORE, &none);
        kill(getpid(), signal_number);
        return 128 + signal_number;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 125;
}
