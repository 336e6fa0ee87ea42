#pragma once
// Preferences: which notifications to show (and the alert for a running import that stopped moving), what closing
// the window does, the polling pace, how long finished jobs stay in the history, and the language.

#include <QDialog>

class NotificationCenter;
class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(NotificationCenter *notifications, QWidget *parent = nullptr);
    QCheckBox *box(int kind) const;
    QCheckBox *stallBox() const { return m_stall; }
    QSpinBox *stallMinutesBox() const { return m_stallMinutes; }
    QComboBox *paceBox() const { return m_pace; }
    QComboBox *retentionBox() const { return m_retention; }
    QComboBox *languageBox() const { return m_language; }
    QLabel *languageNote() const { return m_languageNote; }

public Q_SLOTS:
    void accept() override;

private:
    NotificationCenter *m_notifications;
    QList<QCheckBox *> m_boxes;
    QCheckBox *m_stall;
    QSpinBox *m_stallMinutes;
    QComboBox *m_close;
    QComboBox *m_pace;
    QComboBox *m_retention;
    QComboBox *m_language;
    QLabel *m_languageNote;
};
