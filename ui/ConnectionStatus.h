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

private:
    ImportService *m_service;
    QTimer *m_timer;
};
