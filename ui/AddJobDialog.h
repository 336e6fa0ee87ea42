#pragma once
// Add a job by pasting its ID: pulled out of pasted JSON or a log line, invalid IDs explained while typing, and
// checked with the server before it is added — an ID the server does not know is refused (no ghost row); when
// the server cannot be asked, the user may add it anyway or check again.

#include <QDialog>

class ImportService;
class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;
class QPushButton;
class QScrollArea;
struct ApiError;

class AddJobDialog : public QDialog
{
    Q_OBJECT
public:
    AddJobDialog(ImportService *service, const QString &connectionId, QWidget *parent = nullptr);
    QLineEdit *idEdit() const { return m_id; }
    QComboBox *connectionBox() const { return m_connection; }
    QString problemText() const;
    QString addedKey() const { return m_addedKey; }
    QString jobId() const; // the ID found in what was pasted
    QPushButton *watchButton() const;
    QPushButton *checkAgainButton() const { return m_checkAgain; }
    bool isChecking() const { return m_checking; }
    QWidget *problemArea() const;

public Q_SLOTS:
    void accept() override;

private:
    void validate();
    void check();
    void onChecked(const QString &connectionId, const QString &id, const ApiError &e);
    void add(const QString &connectionId, const QString &id);

    ImportService *m_service;
    QComboBox *m_connection;
    QLineEdit *m_id;
    QLabel *m_found;
    QLabel *m_problem;
    QScrollArea *m_problemArea;
    QDialogButtonBox *m_buttons;
    QPushButton *m_checkAgain;
    QString m_addedKey;
    bool m_checking = false;
    bool m_mayAddUnchecked = false; // the server could not be asked: the user may add it anyway
    bool m_refused = false;         // the server said it does not know this job
};
