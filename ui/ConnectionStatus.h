#pragma once
// The status bar's calm health line, one part per connection ("Staging: last answer 3 s ago"). It ticks only
// while a number on it changes with time.

#include <QLabel>

class ImportService;
class QTimer;

class ConnectionStatus : public QLabel
{
    Q_OBJECT
public:
    explicit ConnectionStatus(ImportService *service, QWidget *parent = nullptr);

    void refresh();
    // The whole line (what is shown may be elided to the room the status bar gives it; the tooltip has it all).
    QString fullText() const { return m_full; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showElided();

    ImportService *m_service;
    QTimer *m_timer;
    QString m_full;
    QString m_errorTip;
};
