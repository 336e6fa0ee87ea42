#pragma once
// The Preferences that shape the service rather than the window: polling pace, history retention, language.
// Kept in settings; pace and retention apply at once (apply()) and at start, the language at the next start.

#include "ImportService.h"

#include <QLocale>

namespace DesktopPreferences {

enum class Pace { Gentle, Normal, Brisk };
Pace pace();
void setPace(Pace p);
// Days a finished job is kept in the history; 0 = for ever (the default).
int retentionDays();
void setRetentionDays(int days);
// "" = the system's language, else a language code ("en", "de").
QString language();
void setLanguage(const QString &code);

// current with the pace's polling intervals and request rate (Normal = the service's defaults); the rest kept.
ImportService::Options pacedOptions(const ImportService::Options &current, Pace p);
// Applies pace and retention to a running service now.
void apply(ImportService &service);
// The locale the translations are loaded for at start (the chosen language, else the system's).
QLocale startLocale();

} // namespace DesktopPreferences
