/* audio.h - sound effects synthesised in code and played through SDL's audio.
 *
 * No sample files: each effect is a short sum of tones with an envelope, generated once
 * at open. With no audio device the game plays silently: tv_audio_open still returns a
 * usable handle and every call is a no-op.
 * Depends on: SDL2 (audio only). */
#ifndef TV_AUDIO_H
#define TV_AUDIO_H

#include <stdbool.h>

typedef enum tv_Sound {
    TV_SOUND_CLICK,   /* a menu move or selection */
    TV_SOUND_CORRECT, /* a right answer: a rising two-note chime */
    TV_SOUND_WRONG,   /* a wrong answer or timeout: a low falling buzz */
    TV_SOUND_TICK,    /* once a second in the last five seconds */
    TV_SOUND_FANFARE, /* the results screen */
    TV_SOUND_COUNT
} tv_Sound;

typedef struct tv_Audio tv_Audio;

/* Opens the default output device (SDL_INIT_AUDIO must be initialised by the caller or
 * is initialised here). Never returns NULL except out of memory. */
tv_Audio *tv_audio_open(void);
bool tv_audio_available(const tv_Audio *audio);
void tv_audio_play(tv_Audio *audio, tv_Sound sound);
/* Pauses the device while no sound plays, so a game waiting on a static screen spends
 * no CPU mixing silence; the next tv_audio_play resumes it. Call now and then. */
void tv_audio_idle(tv_Audio *audio);
/* volume 0..100; mute silences without forgetting the volume. */
void tv_audio_set_volume(tv_Audio *audio, int volume, bool mute);
void tv_audio_close(tv_Audio *audio);

/* Renders sound into out (mono float samples at rate) for tests: returns the number of
 * samples written (at most max). */
int tv_audio_render(tv_Sound sound, int rate, float *out, int max);

/* Test hook: takes the handle offline and mixes `frames` mono samples of what it is
 * playing into out, exactly as the device callback would (voices, volume glide,
 * clipping). The first call pauses the device for good, so from then on sound advances
 * only through this function and a test sees every voice and gain change; *rate (if
 * not NULL) gets the rate the effects were rendered at. A handle without a device (or
 * NULL) fills out with silence and returns 0; otherwise returns frames. Not for the
 * game: the device stays silent afterwards. */
int tv_audio_mix_offline(tv_Audio *audio, float *out, int frames, int *rate);

#endif
