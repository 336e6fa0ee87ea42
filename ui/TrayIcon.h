#pragma once
// The tray icon: overall state at a glance ("3 running · 1 failed · 62 %"), a distinct icon when something
// failed, and notifications where no notification service exists. Where there is no tray, there is no icon
// and the window never hides into it.

#include "Notifier.h"

#include <QObject>
#include <QPointer>

class ImportService;
class QMenu;
class QSystemTrayIcon;
class QTimer;
class QWidget;

class TrayIcon : public Notifier
{
    Q_OBJECT
public:
    TrayIcon(ImportService *service, QWidget *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isVisible() const;
    QString toolTip() const;
    bool showsFailure() const { return m_failed; }
    // Notifier: balloon messages through the tray (used when no notification service is running).
    bool isAvailable() const override;
    void show(const Notification &n) override;

    // One icon that reads on light and dark panels alike (a panel's colour is not known to the application: its
    // palette says nothing about it). darkPanel is accepted for callers that ask per panel; both get the same.
    static QIcon iconFor(bool failed, bool darkPanel = false);
    // The same from the embedded PNGs only, or with the SVG on top where Qt can render it.
    static QIcon iconFrom(bool failed, bool withSvg);
    // The application's own icon, with PNG fallbacks.
    static QIcon appIcon();
    static bool svgAvailable();
    // Whether the window may close into the tray: a tray is there now and shows a visible icon.
    bool canHoldTheWindow() const;
    void update();

private:
    void tryShow();
    void showWindow();

    ImportService *m_service;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QTimer *m_retry;
    int m_attempts = 0;
    bool m_failed = false;
    QString m_tip;
    QString m_lastMessageKey;
};
