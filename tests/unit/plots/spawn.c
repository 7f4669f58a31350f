/* spawn.c - fork + execvp with the child's stderr in a temporary file. */
#include "spawn.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int tst_spawn(char *const argv[], const char *dir, const char *env, char *err, size_t size)
{
    FILE *tmp = tmpfile();
    if (!tmp)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int null_fd = open("/dev/null", O_RDWR);
        if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(null_fd, 1) < 0 ||
            dup2(fileno(tmp), 2) < 0 || (dir && chdir(dir) != 0))
            _exit(126);
        if (env)
            putenv((char *)env);
        execvp(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) < 0) {
        fclose(tmp);
        return -1;
    }
    rewind(tmp);
    size_t n = size ? fread(err, 1, size - 1, tmp) : 0;
    if (size)
        err[n] = '\0';
    fclose(tmp);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
