// notebook-sandbox WRITABLE_DIR PROGRAM [ARGUMENTS...]
//
// Runs PROGRAM with file-system writes confined to WRITABLE_DIR (and /dev/null) by Linux's
// Landlock LSM: the snippet runner starts every snippet through it, so a snippet cannot write
// outside its scratch folder. Reading stays allowed everywhere. On a kernel without Landlock the
// program runs unconfined (the runner cannot do better there without root).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define WRITE_RIGHTS (LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE | \
    LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK | \
    LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM)

static int allow(int ruleset, const char *path, __u64 rights) {
    struct landlock_path_beneath_attr rule = { .allowed_access = rights, .parent_fd = open(path, O_PATH | O_CLOEXEC) };
    if (rule.parent_fd < 0) return -1;
    int result = (int)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
    close(rule.parent_fd);
    return result;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: notebook-sandbox WRITABLE_DIR PROGRAM [ARGUMENTS...]\n");
        return 2;
    }
    int abi = (int)syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    if (abi >= 1) {
        struct landlock_ruleset_attr attributes = { .handled_access_fs = WRITE_RIGHTS };
        int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attributes, sizeof attributes, 0);
        if (ruleset < 0 || allow(ruleset, argv[1], WRITE_RIGHTS) != 0 || allow(ruleset, "/dev/null", LANDLOCK_ACCESS_FS_WRITE_FILE) != 0
            || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) {
            fprintf(stderr, "notebook-sandbox: cannot confine writes to %s: %s\n", argv[1], strerror(errno));
            return 125;
        }
        close(ruleset);
    }
    execv(argv[2], argv + 2);
    fprintf(stderr, "notebook-sandbox: cannot run %s: %s\n", argv[2], strerror(errno));
    return 127;
}
