/* audio.c - synthesised sound effects, pre-rendered at open and mixed in SDL's callback.
 *
 * Each effect is a sum of sine partials (additive synthesis, so nothing aliases at any
 * rate) under an envelope that starts and ends at zero, rendered once at the device's
 * real rate into a float buffer. The callback mixes up to TV_AUDIO_VOICES of those
 * buffers. With no audio device every call is a no-op, so the game plays silently.
 * Depends on: SDL2 (audio only), libm. Must not include the core, Lua or SDL video.
 * Limits: mono effects, copied to every output channel; a ninth simultaneous sound
 * cuts off the voice furthest through its own sound. */
#include "ui/audio.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#define TV_AUDIO_VOICES 8
#define TV_AUDIO_RATE 48000
#define TV_AUDIO_MAX_PARTIALS 10

static const double TAU = 6.283185307179586;

/* ===================================================================== synthesis === */

static double midi_hz(int note) { return 440.0 * pow(2.0, (note - 69) / 12.0); }

/* Raised-cosine ramps: their slope is zero at both ends, so a ramp neither clicks where
 * it starts nor where it meets the decay. */
static double ramp(double x) { return x <= 0.0 ? 0.0 : x >= 1.0 ? 1.0 : 0.5 - 0.5 * cos(x * TAU / 2.0); }

/* Attack, exponential decay, and a release that reaches exactly zero at dur. */
static double envelope(double t, double dur, double attack, double decay, double release)
{
    if (t < 0.0 || t >= dur)
        return 0.0;
    double e = t < attack ? ramp(t / attack) : exp(-(t - attack) / decay);
    return e * ramp((dur - t) / release);
}

typedef struct Tone {
    double start, dur;            /* seconds from the start of the effect */
    double hz, glide_to;          /* glide_to 0: steady pitch; else exponential glide */
    double amp;
    double attack, decay, release;
    double vibrato_depth;         /* fraction of hz, at 5.5 Hz after vibrato_delay */
    double vibrato_delay;
    const double *partials;       /* amplitude of partial k+1 relative to the fundamental */
    int npartials;
    double partial_damping;       /* partial k decays (1 + damping * k) times faster */
} Tone;

/* Adds one tone into out[0..n). A phase accumulator keeps glides and vibrato smooth. */
static void add_tone(float *out, int n, int rate, const Tone *tone)
{
    int first = (int)lround(tone->start * rate);
    int count = (int)lround(tone->dur * rate);
    double phase = 0.0;
    for (int i = first; i < first + count && i < n; i++) {
        double t = (double)(i - first) / rate;
        double env = envelope(t, tone->dur, tone->attack, tone->decay, tone->release);
        double hz = tone->hz;
        if (tone->glide_to > 0.0)
            hz *= pow(tone->glide_to / tone->hz, t / tone->dur);
        if (tone->vibrato_depth > 0.0 && t > tone->vibrato_delay) {
            /* Fade the vibrato in so the held note starts straight and then sings. */
            double depth = tone->vibrato_depth * ramp((t - tone->vibrato_delay) / 0.15);
            hz *= 1.0 + depth * sin(TAU * 5.5 * (t - tone->vibrato_delay));
        }
        double sum = 0.0;
        for (int k = 0; k < tone->npartials; k++) {
            /* Partials at or above Nyquist would fold back as inharmonic whine. */
            if ((k + 1) * hz >= 0.45 * rate)
                break;
            double fade = tone->partial_damping > 0.0 ? exp(-t * tone->partial_damping * k / tone->decay) : 1.0;
            sum += tone->partials[k] * fade * sin((k + 1) * phase);
        }
        out[i] += (float)(tone->amp * env * sum);
        phase = fmod(phase + TAU * hz / rate, TAU);
    }
}

static const double SINE[] = {1.0};
static const double BLIP[] = {1.0, 0.12};
static const double CHIME[] = {1.0, 0.28, 0.09, 0.04};
static const double BRASS[] = {1.0, 0.55, 0.35, 0.22, 0.13, 0.08};
/* Between a square (odd harmonics, 1/n) and a saw (all harmonics, 1/n), rolled off above
 * ~1 kHz: a buzz that says "no" without the rasp of a raw square wave. */
static const double BUZZ[] = {1.0, 0.14, 0.30, 0.07, 0.14, 0.035, 0.07, 0.017, 0.035, 0.008};

static void render_click(float *out, int n, int rate)
{
    Tone t = {.dur = 0.035, .hz = 1150.0, .glide_to = 850.0, .amp = 0.30,
              .attack = 0.004, .decay = 0.010, .release = 0.010, .partials = BLIP, .npartials = 2};
    add_tone(out, n, rate, &t);
}

/* A major third, C6 then E6, the second note entering as the first fades out. */
static void render_correct(float *out, int n, int rate)
{
    Tone lo = {.start = 0.0, .dur = 0.135, .hz = midi_hz(84), .amp = 0.40,
               .attack = 0.006, .decay = 0.07, .release = 0.045,
               .partials = CHIME, .npartials = 4, .partial_damping = 1.0};
    Tone hi = lo;
    hi.start = 0.105;
    hi.dur = 0.155;
    hi.hz = midi_hz(88);
    hi.decay = 0.09;
    hi.release = 0.06;
    add_tone(out, n, rate, &lo);
    add_tone(out, n, rate, &hi);
}

/* Two slightly detuned buzzes gliding down together: the beating between them makes the
 * sound wobble like a game-show "wrong", and keeps it from feeling like a test tone. */
static void render_wrong(float *out, int n, int rate)
{
    Tone a = {.dur = 0.30, .hz = 185.0, .glide_to = 115.0, .amp = 0.22,
              .attack = 0.012, .decay = 0.45, .release = 0.08, .partials = BUZZ, .npartials = 10};
    Tone b = a;
    b.hz *= 1.012;
    b.glide_to *= 1.012;
    add_tone(out, n, rate, &a);
    add_tone(out, n, rate, &b);
}

/* A woodblock: a few inharmonic modes that die within tens of milliseconds, plus a
 * breath of filtered noise for the strike. The noise comes from a fixed-seed LCG so
 * every render is the same. */
static void render_tick(float *out, int n, int rate)
{
    static const struct { double hz, amp, decay; } modes[] = {
        {1250.0, 0.24, 0.010}, {2780.0, 0.10, 0.006}, {4400.0, 0.04, 0.004}};
    for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        if (modes[m].hz >= 0.45 * rate)
            continue;
        Tone t = {.dur = 0.040, .hz = modes[m].hz, .amp = modes[m].amp,
                  .attack = 0.004, .decay = modes[m].decay, .release = 0.012, .partials = SINE, .npartials = 1};
        add_tone(out, n, rate, &t);
    }
    uint32_t lcg = 0x7E1C4u; /* any constant: the point is that it never changes */
    float prev = 0.0f;
    int count = (int)lround(0.040 * rate);
    for (int i = 0; i < count && i < n; i++) {
        lcg = lcg * 1664525u + 1013904223u;
        float white = (float)(lcg >> 8) / (float)(1u << 23) - 1.0f;
        /* A first difference tilts the noise towards the top, where a knock lives. */
        float bright = 0.5f * (white - prev);
        prev = white;
        double t = (double)i / rate;
        out[i] += (float)(0.06 * envelope(t, 0.040, 0.004, 0.004, 0.012) * bright);
    }
}

/* G4 C5 E5 G5 C6: a rising arpeggio whose notes ring on into a C major chord, the last
 * one held with a little vibrato. */
static void render_fanfare(float *out, int n, int rate)
{
    static const int notes[] = {67, 72, 76, 79};
    for (int i = 0; i < 4; i++) {
        Tone t = {.start = 0.11 * i, .dur = 1.20 - 0.11 * i, .hz = midi_hz(notes[i]), .amp = 0.14,
                  .attack = 0.010, .decay = 0.22, .release = 0.25,
                  .partials = BRASS, .npartials = 6, .partial_damping = 0.6};
        add_tone(out, n, rate, &t);
    }
    Tone top = {.start = 0.44, .dur = 0.76, .hz = midi_hz(84), .amp = 0.20,
                .attack = 0.015, .decay = 0.45, .release = 0.30,
                .vibrato_depth = 0.004, .vibrato_delay = 0.15,
                .partials = BRASS, .npartials = 6, .partial_damping = 0.4};
    add_tone(out, n, rate, &top);
}

static const struct {
    double seconds;
    void (*render)(float *out, int n, int rate);
} EFFECTS[TV_SOUND_COUNT] = {
    [TV_SOUND_CLICK] = {0.035, render_click},
    [TV_SOUND_CORRECT] = {0.260, render_correct},
    [TV_SOUND_WRONG] = {0.300, render_wrong},
    [TV_SOUND_TICK] = {0.040, render_tick},
    [TV_SOUND_FANFARE] = {1.200, render_fanfare},
};

static int effect_length(tv_Sound sound, int rate) { return (int)lround(EFFECTS[sound].seconds * rate); }

int tv_audio_render(tv_Sound sound, int rate, float *out, int max)
{
    if ((int)sound < 0 || sound >= TV_SOUND_COUNT || rate <= 0 || !out || max <= 0)
        return 0;
    int n = effect_length(sound, rate);
    if (n > max)
        n = max;
    for (int i = 0; i < n; i++)
        out[i] = 0.0f;
    EFFECTS[sound].render(out, n, rate);
    /* The designs peak well below 1; this only guards a future edit that overshoots. */
    for (int i = 0; i < n; i++)
        out[i] = out[i] > 1.0f ? 1.0f : out[i] < -1.0f ? -1.0f : out[i];
    return n;
}

/* ======================================================================== device === */

typedef struct Voice {
    int sound; /* -1: free */
    int pos;
} Voice;

struct tv_Audio {
    SDL_AudioDeviceID device; /* 0: no device, every call is a no-op */
    bool owns_subsystem;
    int channels;
    float *samples[TV_SOUND_COUNT];
    int length[TV_SOUND_COUNT];
    /* Shared with the callback thread: change only under SDL_LockAudioDevice. */
    Voice voices[TV_AUDIO_VOICES];
    float gain_target;
    bool paused; /* main thread only: the device is paused while nothing plays */
    bool offline; /* tv_audio_mix_offline took over: the device stays paused */
    int rate;     /* the device's, which the effects are rendered at */
    /* Owned by the callback thread. */
    float gain_now;
    float gain_smoothing;
};

/* Volume is heard logarithmically, so the slider maps to a 40 dB range; the bottom
 * tenth tapers linearly to true silence rather than stopping at -40 dB. */
static float volume_gain(int volume, bool mute)
{
    if (mute || volume <= 0)
        return 0.0f;
    if (volume > 100)
        volume = 100;
    double gain = pow(10.0, -40.0 * (100 - volume) / 100.0 / 20.0);
    if (volume < 10)
        gain *= volume / 10.0;
    return (float)gain;
}

static void mix(void *userdata, Uint8 *stream, int bytes)
{
    tv_Audio *audio = userdata;
    float *frames = (float *)(void *)stream;
    int count = bytes / (int)(sizeof(float) * (size_t)audio->channels);
    for (int f = 0; f < count; f++) {
        float s = 0.0f;
        for (int v = 0; v < TV_AUDIO_VOICES; v++) {
            Voice *voice = &audio->voices[v];
            if (voice->sound < 0)
                continue;
            s += audio->samples[voice->sound][voice->pos++];
            if (voice->pos >= audio->length[voice->sound])
                voice->sound = -1;
        }
        /* Glide to a new volume over a few milliseconds: a jump would click. */
        float step = (audio->gain_target - audio->gain_now) * audio->gain_smoothing;
        /* Snap once inaudibly close, or a fade to mute would creep into denormals. */
        audio->gain_now = fabsf(step) < 1e-7f ? audio->gain_target : audio->gain_now + step;
        s *= audio->gain_now;
        s = s > 1.0f ? 1.0f : s < -1.0f ? -1.0f : s;
        for (int c = 0; c < audio->channels; c++)
            frames[f * audio->channels + c] = s;
    }
}

static void debug_log(const char *fmt, const char *a, const char *b)
{
    const char *flag = getenv("TRIVIUM_DEBUG_AUDIO");
    if (flag && *flag)
        fprintf(stderr, fmt, a ? a : "default", b ? b : "?");
}

static void release_device(tv_Audio *audio)
{
    if (audio->device)
        SDL_CloseAudioDevice(audio->device);
    audio->device = 0;
    for (int i = 0; i < TV_SOUND_COUNT; i++) {
        free(audio->samples[i]);
        audio->samples[i] = NULL;
    }
    if (audio->owns_subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    audio->owns_subsystem = false;
}

tv_Audio *tv_audio_open(void)
{
    tv_Audio *audio = calloc(1, sizeof *audio);
    if (!audio)
        return NULL;
    for (int v = 0; v < TV_AUDIO_VOICES; v++)
        audio->voices[v].sound = -1;
    audio->gain_target = audio->gain_now = volume_gain(100, false);

    if (!SDL_WasInit(SDL_INIT_AUDIO)) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            debug_log("audio: [%s] %s -> playing silently\n", getenv("SDL_AUDIODRIVER"), SDL_GetError());
            return audio;
        }
        audio->owns_subsystem = true;
    }

    SDL_AudioSpec want = {0}, got = {0};
    want.freq = TV_AUDIO_RATE;
    want.format = AUDIO_F32SYS;
    want.channels = 2;
    want.samples = 512; /* ~11 ms: a click should land with the key press */
    want.callback = mix;
    want.userdata = audio;
    /* Take the device's own rate, channel count and buffer size and adapt to them, so SDL
     * never has to resample behind our back; the format stays float so mix() is simple. */
    audio->device = SDL_OpenAudioDevice(NULL, 0, &want, &got,
                                        SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_CHANNELS_CHANGE |
                                            SDL_AUDIO_ALLOW_SAMPLES_CHANGE);
    if (!audio->device || got.freq <= 0 || got.channels < 1 || got.format != AUDIO_F32SYS) {
        debug_log("audio: [%s] cannot open an output device: %s -> playing silently\n",
                  SDL_GetCurrentAudioDriver(), audio->device ? "unusable format" : SDL_GetError());
        release_device(audio);
        return audio;
    }
    audio->channels = got.channels;
    audio->rate = got.freq;
    /* One-pole smoothing with a ~5 ms time constant at the obtained rate. */
    audio->gain_smoothing = (float)(1.0 - exp(-1.0 / (0.005 * got.freq)));

    for (int i = 0; i < TV_SOUND_COUNT; i++) {
        int n = effect_length((tv_Sound)i, got.freq);
        audio->samples[i] = malloc((size_t)n * sizeof(float));
        if (!audio->samples[i]) {
            debug_log("audio: [%s] %s -> playing silently\n", SDL_GetCurrentAudioDriver(), "out of memory");
            release_device(audio);
            return audio;
        }
        audio->length[i] = tv_audio_render((tv_Sound)i, got.freq, audio->samples[i], n);
    }
    char detail[64];
    snprintf(detail, sizeof detail, "%d Hz, %d channels, %d frames", got.freq, got.channels, got.samples);
    debug_log("audio: [%s] %s\n", SDL_GetCurrentAudioDriver(), detail);
    /* The device opens paused; start it only now that every buffer is ready. */
    SDL_PauseAudioDevice(audio->device, 0);
    return audio;
}

bool tv_audio_available(const tv_Audio *audio) { return audio && audio->device != 0; }

void tv_audio_play(tv_Audio *audio, tv_Sound sound)
{
    assert((int)sound >= 0 && sound < TV_SOUND_COUNT);
    if (!tv_audio_available(audio) || (int)sound < 0 || sound >= TV_SOUND_COUNT)
        return;
    SDL_LockAudioDevice(audio->device);
    /* With every voice busy, replace the one furthest through its sound: it is in its
     * quiet tail, so cutting it is the least audible. */
    int slot = 0;
    double furthest = -1.0;
    for (int v = 0; v < TV_AUDIO_VOICES; v++) {
        const Voice *voice = &audio->voices[v];
        if (voice->sound < 0) {
            slot = v;
            break;
        }
        double progress = (double)voice->pos / audio->length[voice->sound];
        if (progress > furthest) {
            furthest = progress;
            slot = v;
        }
    }
    audio->voices[slot].sound = (int)sound;
    audio->voices[slot].pos = 0;
    SDL_UnlockAudioDevice(audio->device);
    if (audio->paused && !audio->offline) {
        SDL_PauseAudioDevice(audio->device, 0);
        audio->paused = false;
    }
}

void tv_audio_idle(tv_Audio *audio)
{
    if (!tv_audio_available(audio) || audio->paused || audio->offline)
        return;
    SDL_LockAudioDevice(audio->device);
    bool busy = false;
    for (int v = 0; v < TV_AUDIO_VOICES && !busy; v++)
        busy = audio->voices[v].sound >= 0;
    SDL_UnlockAudioDevice(audio->device);
    if (!busy) {
        SDL_PauseAudioDevice(audio->device, 1);
        audio->paused = true;
    }
}

void tv_audio_set_volume(tv_Audio *audio, int volume, bool mute)
{
    if (!tv_audio_available(audio))
        return;
    float gain = volume_gain(volume, mute);
    SDL_LockAudioDevice(audio->device);
    audio->gain_target = gain;
    SDL_UnlockAudioDevice(audio->device);
}

int tv_audio_mix_offline(tv_Audio *audio, float *out, int frames, int *rate)
{
    if (rate)
        *rate = tv_audio_available(audio) ? audio->rate : 0;
    if (out && frames > 0)
        memset(out, 0, sizeof(float) * (size_t)frames);
    if (!tv_audio_available(audio))
        return 0;
    if (!audio->offline) {
        /* Returns once the callback has left mix(), and SDL calls it no more. */
        SDL_PauseAudioDevice(audio->device, 1);
        audio->paused = audio->offline = true;
        audio->channels = 1; /* nothing reads the device's channels any more */
    }
    if (!out || frames <= 0)
        return 0;
    mix(audio, (Uint8 *)(void *)out, (int)(sizeof(float) * (size_t)frames));
    return frames;
}

void tv_audio_close(tv_Audio *audio)
{
    if (!audio)
        return;
    release_device(audio);
    free(audio);
}
