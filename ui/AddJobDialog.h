#pragma once
// Add a job by pasting its ID: spaces and quotes trimmed, invalid IDs explained while typing.

#include <QDialog>

class ImportService;
class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

class AddJobDialog : public QDialog
{
    Q_OBJECT
public:
    AddJobDialog(ImportService *service, const QString &connectionId, QWidget *parent = nullptr);
    QLineEdit *idEdit() const { return m_id; }
    QString problemText() const;
    QString addedKey() const { return m_addedKey; }

public Q_SLOTS:
    void accept() override;

private:
    void validate();
    ImportService *m_service;
    QComboBox *m_connection;
    QLineEdit *m_id;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QString m_addedKey;
};
