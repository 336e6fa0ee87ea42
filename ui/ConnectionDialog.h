#pragma once
// Add or edit a connection: Zilliz Cloud (API key + cluster, or project + region) or Milvus (URL + token +
// database). "Test connection" says plainly what is wrong. The key goes to the keychain, or to memory for this
// session when the user chooses (offered plainly when there is no usable keychain). Validated per type (Zilliz
// Cloud: https to a Zilliz host, a key), switching the type starts from that type's address, a URL without a scheme
// says what was assumed, a test says which URL it tried; the status has room of its own, so the form never moves.

#include "Connection.h"

#include <QDialog>

class QComboBox;
class QPushButton;
#include <functional>
#include <optional>

class ImportService;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QDialogButtonBox;
class QFormLayout;
class QAction;
class QScrollArea;

class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionDialog(ImportService *service, const Connection *existing, QWidget *parent = nullptr);

    Connection connection() const;
    std::optional<QByteArray> key() const; // nullopt = unchanged (editing, field left empty)
    QString statusText() const;

    // Widgets by role, for tests and accessibility.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *clusterEdit() const { return m_cluster; }
    QLineEdit *databaseEdit() const { return m_db; }
    QLineEdit *keyEdit() const { return m_key; }
    QComboBox *kindBox() const { return m_kind; }
    QCheckBox *sessionOnlyBox() const { return m_sessionOnly; }
    QPushButton *testButton() const { return m_test; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QPushButton *browseButton() const { return m_browse; }
    QAction *showKeyAction() const { return m_showKey; }
    QWidget *statusArea() const;
    QPushButton *saveButton() const;
    // What Browse… asks for a file with (a file dialog; tests answer it themselves).
    void setFilePicker(std::function<QString(const QString &current)> pick) { m_pickFile = std::move(pick); }
    // The URL a test or save would use: the typed one, with the scheme the type implies when none was typed.
    QString effectiveUrlText() const;
    static QString defaultUrl(Connection::Kind kind);

public Q_SLOTS:
    void accept() override;
    void testConnection();
    void listClusters(); // Zilliz Cloud: fills the cluster picker with what the key can see (every page)

Q_SIGNALS:
    void tested(bool ok);
    void saved();

private:
    void updateKind();
    void validate();
    void onKindSwitched();
    void browseCaFile();
    Connection::Kind kind() const;
    QString typeProblem() const; // what the chosen type requires that the form lacks

    ImportService *m_service;
    QString m_id;
    bool m_hadKey = false;
    bool m_wasSessionOnly = false;
    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_cluster;
    QWidget *m_clusterRow = nullptr;
    QComboBox *m_clusterPick = nullptr;
    QPushButton *m_listClusters = nullptr;
    QLineEdit *m_project;
    QLineEdit *m_region;
    QLineEdit *m_db;
    QComboBox *m_dialect;
    QLineEdit *m_key;
    QLineEdit *m_caFile;
    class QSpinBox *m_retentionHours;
    QCheckBox *m_sessionOnly;
    QPushButton *m_test;
    QLabel *m_status;
    QScrollArea *m_statusArea;
    QPushButton *m_browse;
    QAction *m_showKey;
    QLabel *m_keyLabel = nullptr;
    std::function<QString(const QString &)> m_pickFile;
    QDialogButtonBox *m_buttons;
    QFormLayout *m_form;
    bool m_keychainFailed = false;
};
