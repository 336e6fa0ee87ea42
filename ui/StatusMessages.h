#pragma once
// The status bar's message area: short confirmations ("Copied.", "Exported to …") that go after a few seconds,
// and errors ("Commit failed: …") that stay until dismissed or replaced. It has a stretch of its own, so the
// connection health beside it never leaves it without room.

#include <QWidget>

class QLabel;
class QTimer;
class QToolButton;

class StatusMessages : public QWidget
{
    Q_OBJECT
public:
    explicit StatusMessages(QWidget *parent = nullptr);

    void showInfo(const QString &text);
    void showError(const QString &text);
    void dismiss();

    QString text() const;
    bool isError() const { return m_error; }
    QLabel *label() const { return m_label; }
    // How long a confirmation stays (tests shorten it instead of waiting on the wall clock).
    void setInfoTimeout(int ms) { m_infoTimeoutMs = ms; }
    int infoTimeout() const { return m_infoTimeoutMs; }

private:
    void show(const QString &text, bool error);

    QLabel *m_label;
    QToolButton *m_close;
    QTimer *m_timer;
    bool m_error = false;
    int m_infoTimeoutMs = 5000;
};
