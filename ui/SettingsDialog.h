#pragma once
// Preferences: which notifications to show, what closing the window does, how many requests per second.

#include <QDialog>

class NotificationCenter;
class QCheckBox;
class QComboBox;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(NotificationCenter *notifications, QWidget *parent = nullptr);
    QCheckBox *box(int kind) const;

public Q_SLOTS:
    void accept() override;

private:
    NotificationCenter *m_notifications;
    QList<QCheckBox *> m_boxes;
    QComboBox *m_close;
};
