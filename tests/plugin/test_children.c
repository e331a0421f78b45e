/* plugin.children: running child processes side by side (children.h) with /bin/sh as the
 * child: output collected, stderr kept, the deadline and the output cap enforced, and each
 * way of ending named. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"
#include "plugin/children.h"

static bool sh(tv_Child *c, const char *script, int timeout_ms)
{
    char *argv[] = {"/bin/sh", "-c", (char *)script, NULL};
    return tv_child_start(c, argv, timeout_ms, false);
}

static const char *how(const tv_Child *c)
{
    static char buf[200];
    return tv_child_describe(c, "the child", buf, sizeof buf);
}

TEST("children run side by side and each ending is named")
{
    tv_Child cs[6];
    memset(cs, 0, sizeof cs);
    CHECK(sh(&cs[0], "printf 'phase x\\ndata 2\\nhi'; echo oops >&2", 5000));
    CHECK(sh(&cs[1], "echo why >&2; exit 3", 5000));
    CHECK(sh(&cs[2], "kill -SEGV $$", 5000));
    CHECK(sh(&cs[3], "exec sleep 30", 300));
    CHECK(sh(&cs[4], "exec head -c 20000000 /dev/zero", 5000));
    /* cs[5] is never started: it is skipped and frees as a zeroed child */
    tv_children_wait(cs, 6, 6);
    CHECK_INT(17, cs[0].out_len);
    CHECK(cs[0].out && memcmp(cs[0].out, "phase x\ndata 2\nhi", 17) == 0);
    CHECK_STR("oops\n", cs[0].err);
    CHECK_STR("the child exited with status 0", how(&cs[0]));
    CHECK(tv_child_exited(&cs[1]));
    CHECK_STR("why\n", cs[1].err);
    CHECK_STR("the child exited with status 3", how(&cs[1]));
    CHECK(!tv_child_exited(&cs[2]));
    CHECK_STR("the child crashed (Segmentation fault)", how(&cs[2]));
    CHECK(cs[3].timed_out);
    CHECK_STR("killed after 0.3 s", how(&cs[3]));
    CHECK(cs[4].flooded);
    CHECK(cs[4].out_len <= TV_CHILD_MAX_OUTPUT);
    CHECK_STR("stopped for writing more than 16 MiB", how(&cs[4]));
    for (int i = 0; i < 6; i++) {
        tv_child_free(&cs[i]);
        tv_child_free(&cs[i]); /* twice is safe */
    }
}

TEST("a child that cannot be started says so and needs no wait")
{
    tv_Child c;
    char *argv[] = {"/nonexistent/trivium-child", NULL};
    CHECK(!tv_child_start(&c, argv, 1000, false));
    CHECK(!c.running);
    tv_children_wait(&c, 1, 1);
    tv_child_free(&c);
}

TEST("a child that closes its pipes but keeps running is killed at its deadline")
{
    tv_Child c;
    CHECK(sh(&c, "exec >&- 2>&-; sleep 30", 300));
    tv_children_wait(&c, 1, 1);
    CHECK(c.timed_out);
    tv_child_free(&c);
}

TEST("queued children run a few at a time, each deadline counted from its own start")
{
    char dir[] = "/tmp/trivium-children-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    /* Each child counts the children running when it starts (itself included), then
     * runs 0.2 s. Twelve of them, two at a time, take over a second: past the 0.7 s
     * deadline each has, had the deadlines been counted from a common start. */
    char script[600];
    snprintf(script, sizeof script,
             "touch %s/run.$$; ls %s | grep -c '^run' > %s/count.$$; sleep 0.2; rm %s/run.$$", dir, dir, dir, dir);
    enum { N = 12 };
    tv_Child cs[N];
    memset(cs, 0, sizeof cs);
    char *argv[] = {"/bin/sh", "-c", script, NULL};
    for (int i = 0; i < N; i++)
        CHECK(tv_child_queue(&cs[i], argv, 700, false));
    tv_children_start_queued(cs, N, 2);
    int started = 0;
    for (int i = 0; i < N; i++)
        started += cs[i].running;
    CHECK_INT(2, started);
    tv_children_wait(cs, N, 2);
    int killed = 0, exited = 0;
    for (int i = 0; i < N; i++) {
        killed += cs[i].timed_out;
        exited += tv_child_exited(&cs[i]) && WIFEXITED(cs[i].status) && WEXITSTATUS(cs[i].status) == 0;
        tv_child_free(&cs[i]);
    }
    CHECK_INT(0, killed);
    CHECK_INT(N, exited);
    char cmd[300], most[16] = "";
    snprintf(cmd, sizeof cmd, "cat %s/count.* | sort -n | tail -1; rm -rf %s", dir, dir);
    FILE *f = popen(cmd, "r");
    CHECK(f && fgets(most, sizeof most, f));
    if (f)
        pclose(f);
    CHECK(atoi(most) >= 1 && atoi(most) <= 2);
}

TEST("a queued child that cannot start ends at once, saying why")
{
    tv_Child c;
    char *argv[] = {"/nonexistent/trivium-pack-worker", NULL};
    CHECK(tv_child_queue(&c, argv, 1000, false));
    tv_children_wait(&c, 1, 4);
    CHECK(!tv_child_exited(&c));
    CHECK_STR("the child could not be started (No such file or directory)", how(&c));
    tv_child_free(&c);
    tv_child_free(&c);
}

TEST("the limit of children at once is at least one and fits the descriptor limit")
{
    int n = tv_children_max_running();
    CHECK(n >= 1 && n <= 500);
}

TEST_MAIN()
