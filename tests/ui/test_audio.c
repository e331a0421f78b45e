/* ui.audio: the synthesised effects sound like what they stand for, never click or clip,
 * render the same every time, and a machine without audio plays silently instead of
 * failing. Runs with SDL's dummy driver or none; needs no sound card. */
#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ui/audio.h"
#include "check.h"

#define RATE 48000
#define MAX_SAMPLES (RATE * 3)

static const char *NAMES[TV_SOUND_COUNT] = {"click", "correct", "wrong", "tick", "fanfare"};

/* Seconds each effect may last: long enough to register, short enough not to lag play. */
static const double MIN_SECONDS[TV_SOUND_COUNT] = {0.015, 0.200, 0.250, 0.025, 1.000};
static const double MAX_SECONDS[TV_SOUND_COUNT] = {0.080, 0.350, 0.400, 0.060, 1.500};

static float buffer[MAX_SAMPLES], again[MAX_SAMPLES];

static int render(tv_Sound sound, int rate) { return tv_audio_render(sound, rate, buffer, MAX_SAMPLES); }

static double rms(const float *x, int n)
{
    double sum = 0.0;
    for (int i = 0; i < n; i++)
        sum += (double)x[i] * x[i];
    return n > 0 ? sqrt(sum / n) : 0.0;
}

static double peak(const float *x, int n)
{
    double m = 0.0;
    for (int i = 0; i < n; i++)
        m = fmax(m, fabs(x[i]));
    return m;
}

/* The strongest frequency in x between lo and hi Hz, by Goertzel over a Hann window. */
static double dominant_hz(const float *x, int n, int rate, double lo, double hi)
{
    static double windowed[MAX_SAMPLES];
    for (int i = 0; i < n; i++)
        windowed[i] = (0.5 - 0.5 * cos(2.0 * M_PI * i / (n - 1))) * x[i];
    double best_hz = 0.0, best_power = -1.0;
    for (double hz = lo; hz <= hi; hz += 2.0) {
        double coeff = 2.0 * cos(2.0 * M_PI * hz / rate), s1 = 0.0, s2 = 0.0;
        for (int i = 0; i < n; i++) {
            double s0 = windowed[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        if (power > best_power) {
            best_power = power;
            best_hz = hz;
        }
    }
    return best_hz;
}

TEST("every effect lasts its designed length, at 48 kHz and at 44.1 kHz")
{
    static const int rates[] = {48000, 44100};
    for (int r = 0; r < 2; r++) {
        for (int s = 0; s < TV_SOUND_COUNT; s++) {
            int n = render((tv_Sound)s, rates[r]);
            double seconds = (double)n / rates[r];
            if (seconds < MIN_SECONDS[s] || seconds > MAX_SECONDS[s])
                fprintf(stderr, "  %s at %d Hz: %.3f s\n", NAMES[s], rates[r], seconds);
            CHECK(seconds >= MIN_SECONDS[s]);
            CHECK(seconds <= MAX_SECONDS[s]);
        }
    }
}

TEST("every effect is clearly audible but never clips")
{
    for (int s = 0; s < TV_SOUND_COUNT; s++) {
        int n = render((tv_Sound)s, RATE);
        double level = rms(buffer, n), top = peak(buffer, n);
        if (level < 0.02 || top > 0.9)
            fprintf(stderr, "  %s: rms %.4f, peak %.4f\n", NAMES[s], level, top);
        CHECK(level >= 0.02); /* -34 dBFS */
        CHECK(top <= 0.9);    /* headroom for several voices at once */
        for (int i = 0; i < n; i++) {
            if (!(buffer[i] >= -1.0f && buffer[i] <= 1.0f)) {
                fprintf(stderr, "  %s: sample %d is %g\n", NAMES[s], i, buffer[i]);
                CHECK(buffer[i] >= -1.0f && buffer[i] <= 1.0f);
                break;
            }
        }
    }
}

TEST("every effect starts and ends at silence, so starting or finishing one never clicks")
{
    int ms = RATE / 1000;
    for (int s = 0; s < TV_SOUND_COUNT; s++) {
        int n = render((tv_Sound)s, RATE);
        double head = peak(buffer, ms), tail = peak(buffer + n - ms, ms);
        if (head >= 0.05 || tail >= 0.05)
            fprintf(stderr, "  %s: first ms peaks at %.4f, last ms at %.4f\n", NAMES[s], head, tail);
        CHECK(head < 0.05);
        CHECK(tail < 0.05);
        CHECK(fabs(buffer[0]) < 1e-3);
        CHECK(fabs(buffer[n - 1]) < 1e-3);
    }
}

TEST("the correct chime rises in pitch from its first half to its second")
{
    int n = render(TV_SOUND_CORRECT, RATE);
    double first = dominant_hz(buffer, n / 2, RATE, 200.0, 4000.0);
    double second = dominant_hz(buffer + n / 2, n - n / 2, RATE, 200.0, 4000.0);
    if (!(second > first * 1.1 && second < first * 1.6))
        fprintf(stderr, "  correct: %.0f Hz then %.0f Hz\n", first, second);
    CHECK(second > first * 1.1);
    CHECK(second < first * 1.6); /* a chime's interval, not a jump to a new register */
}

TEST("the wrong buzz is low and falls in pitch")
{
    int n = render(TV_SOUND_WRONG, RATE);
    double first = dominant_hz(buffer, n / 2, RATE, 50.0, 2000.0);
    double second = dominant_hz(buffer + n / 2, n - n / 2, RATE, 50.0, 2000.0);
    if (!(first < 300.0 && second < first * 0.95))
        fprintf(stderr, "  wrong: %.0f Hz then %.0f Hz\n", first, second);
    CHECK(first < 300.0);
    CHECK(second < first * 0.95);
}

TEST("rendering an effect twice gives identical samples")
{
    for (int s = 0; s < TV_SOUND_COUNT; s++) {
        int n = render((tv_Sound)s, RATE);
        memcpy(again, buffer, sizeof(float) * (size_t)n);
        CHECK_INT(n, render((tv_Sound)s, RATE));
        CHECK(memcmp(again, buffer, sizeof(float) * (size_t)n) == 0);
    }
}

TEST("a short buffer gets the start of the effect, and bad arguments render nothing")
{
    int n = render(TV_SOUND_FANFARE, RATE);
    memcpy(again, buffer, sizeof(float) * (size_t)n);
    float part[1000];
    CHECK_INT(1000, tv_audio_render(TV_SOUND_FANFARE, RATE, part, 1000));
    CHECK(memcmp(part, again, sizeof part) == 0);
    CHECK_INT(0, tv_audio_render(TV_SOUND_COUNT, RATE, part, 1000));
    CHECK_INT(0, tv_audio_render((tv_Sound)-1, RATE, part, 1000));
    CHECK_INT(0, tv_audio_render(TV_SOUND_CLICK, 0, part, 1000));
    CHECK_INT(0, tv_audio_render(TV_SOUND_CLICK, RATE, NULL, 1000));
    CHECK_INT(0, tv_audio_render(TV_SOUND_CLICK, RATE, part, 0));
}

/* Every call a game makes, with the callback running: a smoke test for crashes and
 * races. What the calls must do is checked offline below, where the mix can be read:
 * "more sounds than voices" and "out-of-range volumes". */
static void exercise(tv_Audio *audio)
{
    for (int s = 0; s < TV_SOUND_COUNT; s++)
        tv_audio_play(audio, (tv_Sound)s);
    tv_audio_set_volume(audio, 50, false);
    for (int i = 0; i < 20; i++) /* more sounds than voices */
        tv_audio_play(audio, (tv_Sound)(i % TV_SOUND_COUNT));
    tv_audio_set_volume(audio, 0, false);
    tv_audio_set_volume(audio, 100, true);
    tv_audio_set_volume(audio, 250, false); /* out of range */
    tv_audio_set_volume(audio, -5, false);
    tv_audio_play(audio, TV_SOUND_TICK);
}

static float effect[MAX_SAMPLES], other[MAX_SAMPLES], mixed[MAX_SAMPLES], expected[MAX_SAMPLES];

/* A handle on the dummy driver, taken offline: its sound advances only when mixed. */
static tv_Audio *open_offline(int *rate)
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    tv_Audio *audio = tv_audio_open();
    CHECK(tv_audio_available(audio));
    *rate = 0;
    CHECK_INT(0, tv_audio_mix_offline(audio, NULL, 0, rate));
    CHECK(*rate >= 8000 && *rate <= RATE); /* the buffers here hold 3 s at RATE */
    if (*rate < 8000 || *rate > RATE) {
        tv_audio_close(audio);
        unsetenv("SDL_AUDIODRIVER");
        return NULL;
    }
    return audio;
}

static void close_offline(tv_Audio *audio)
{
    tv_audio_close(audio);
    unsetenv("SDL_AUDIODRIVER");
}

/* The largest difference; infinite when a sample is not a number (fmax would skip it). */
static double max_diff(const float *a, const float *b, int n)
{
    double m = 0.0;
    for (int i = 0; i < n; i++) {
        double d = fabs((double)a[i] - b[i]);
        if (isnan(d))
            return INFINITY;
        m = fmax(m, d);
    }
    return m;
}

static bool all_zero(const float *x, int n)
{
    for (int i = 0; i < n; i++)
        if (x[i] != 0.0f) /* NaN included */
            return false;
    return true;
}

/* Mixes long enough for a volume change to finish its glide; nothing may be playing. */
static void settle(tv_Audio *audio, int rate)
{
    CHECK_INT(rate / 2, tv_audio_mix_offline(audio, mixed, rate / 2, NULL));
    CHECK(all_zero(mixed, rate / 2));
}

static int peak_at(const float *x, int n)
{
    int k = 0;
    for (int i = 1; i < n; i++)
        if (fabsf(x[i]) > fabsf(x[k]))
            k = i;
    return k;
}

TEST("a sound plays at the volume set; out-of-range volumes are clamped, not trusted")
{
    int rate;
    tv_Audio *audio = open_offline(&rate);
    if (!audio)
        return;
    int n = tv_audio_render(TV_SOUND_CLICK, rate, effect, MAX_SAMPLES);
    int pk = peak_at(effect, n);
    static const struct {
        int volume;
        bool mute;
        const char *what; /* expect: '1' full, 'h' quieter, '0' silent */
        char expect;
    } cases[] = {{100, false, "100", '1'}, {250, false, "250 (clamped to 100)", '1'}, {50, false, "50", 'h'},
                 {-5, false, "-5 (clamped to 0)", '0'}, {0, false, "0", '0'},     {100, true, "muted", '0'},
                 {1000000, false, "a million", '1'}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        int failed_before = check_failed_here; /* to name only the cases that fail */
        check_failed_here = 0;
        tv_audio_set_volume(audio, cases[c].volume, cases[c].mute);
        settle(audio, rate);
        tv_audio_play(audio, TV_SOUND_CLICK);
        CHECK_INT(n + 100, tv_audio_mix_offline(audio, mixed, n + 100, NULL));
        double gain = mixed[pk] / effect[pk];
        switch (cases[c].expect) {
        case '1':
            CHECK(max_diff(mixed, effect, n) == 0.0); /* gain exactly 1: the effect as rendered */
            break;
        case 'h':
            CHECK(gain > 0.05 && gain < 0.2); /* about -20 dB at half the slider */
            for (int i = 0; i < n; i++)
                expected[i] = effect[i] * (float)gain;
            CHECK(max_diff(mixed, expected, n) < 1e-6);
            break;
        default:
            CHECK(all_zero(mixed, n));
        }
        CHECK(all_zero(mixed + n, 100)); /* and the voice is free again */
        if (check_failed_here)
            fprintf(stderr, "  at volume %s: gain %g, peak %g\n", cases[c].what, gain, peak(mixed, n));
        check_failed_here |= failed_before;
    }
    close_offline(audio);
}

TEST("more sounds than voices: the one furthest through its sound is replaced, the others play on")
{
    int rate;
    tv_Audio *audio = open_offline(&rate);
    if (!audio)
        return;
    enum { VOICES = 8, STEP = 2000 };
    int nf = tv_audio_render(TV_SOUND_FANFARE, rate, other, MAX_SAMPLES);
    int nc = tv_audio_render(TV_SOUND_CLICK, rate, effect, MAX_SAMPLES);
    CHECK(nf > (VOICES + 1) * STEP + nc); /* every fanfare outlasts the test */
    tv_audio_set_volume(audio, 20, false); /* quiet enough that eight voices never clip */
    settle(audio, rate);
    tv_audio_play(audio, TV_SOUND_CLICK);
    tv_audio_mix_offline(audio, mixed, nc, NULL);
    int pk = peak_at(effect, nc);
    float gain = mixed[pk] / effect[pk];
    CHECK(gain > 0.0f && gain < 0.1f);
    /* Fill every voice, each started STEP frames after the one before. */
    for (int v = 0; v < VOICES; v++) {
        tv_audio_play(audio, TV_SOUND_FANFARE);
        tv_audio_mix_offline(audio, mixed, STEP, NULL);
    }
    tv_audio_play(audio, TV_SOUND_CLICK); /* a ninth */
    int m = nc + 2 * STEP;
    CHECK_INT(m, tv_audio_mix_offline(audio, mixed, m, NULL));
    /* Expected: the click in place of the first fanfare, and fanfares 2..8 going on. */
    static float kept[MAX_SAMPLES];
    for (int i = 0; i < m; i++) {
        float s = i < nc ? effect[i] : 0.0f, first = other[VOICES * STEP + i];
        for (int v = 1; v < VOICES; v++)
            s += other[(VOICES - v) * STEP + i];
        expected[i] = s * gain;
        kept[i] = (s - (i < nc ? effect[i] : 0.0f) + first) * gain; /* if the ninth were dropped */
    }
    double got = max_diff(mixed, expected, m);
    CHECK(got < 1e-5);
    CHECK(max_diff(mixed, kept, m) > 1e-3); /* the test can tell the two apart */
    if (got >= 1e-5)
        fprintf(stderr, "  mix differs from the expected voices by up to %g\n", got);
    close_offline(audio);
}

TEST("with SDL's dummy driver the game can play, change volume and close")
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    CHECK_INT(0, SDL_Init(SDL_INIT_AUDIO));
    tv_Audio *audio = tv_audio_open();
    CHECK(audio != NULL);
    CHECK(tv_audio_available(audio));
    exercise(audio);
    SDL_Delay(60); /* let the callback mix a few buffers */
    exercise(audio);
    tv_audio_close(audio);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) != 0); /* the caller's init is left alone */
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    unsetenv("SDL_AUDIODRIVER");
}

TEST("opening audio without SDL initialised initialises it, and closing undoes that")
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
    tv_Audio *audio = tv_audio_open();
    CHECK(audio != NULL);
    CHECK(tv_audio_available(audio));
    exercise(audio);
    SDL_Delay(30);
    tv_audio_close(audio);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
    unsetenv("SDL_AUDIODRIVER");
}

TEST("an unknown audio driver gives a silent handle, not an error")
{
    setenv("SDL_AUDIODRIVER", "nosuchdriver", 1);
    tv_Audio *audio = tv_audio_open();
    CHECK(audio != NULL);
    CHECK(!tv_audio_available(audio));
    exercise(audio);
    float out[64] = {1.0f};
    CHECK_INT(0, tv_audio_mix_offline(audio, out, 64, NULL));
    CHECK(all_zero(out, 64));
    tv_audio_close(audio);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
    unsetenv("SDL_AUDIODRIVER");
}

TEST("a NULL handle is silent too: it mixes silence and starts no audio")
{
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
    CHECK(!tv_audio_available(NULL));
    tv_audio_play(NULL, TV_SOUND_CLICK);
    tv_audio_set_volume(NULL, 50, false);
    tv_audio_idle(NULL);
    float out[64];
    for (int i = 0; i < 64; i++)
        out[i] = 1.0f;
    int rate = -1;
    CHECK_INT(0, tv_audio_mix_offline(NULL, out, 64, &rate));
    CHECK_INT(0, rate);
    CHECK(all_zero(out, 64));
    tv_audio_close(NULL);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
}

TEST_MAIN()
