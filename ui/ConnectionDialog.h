#pragma once
// Add or edit a connection: Zilliz Cloud (API key + cluster, or project + region) or Milvus (URL + token +
// database). "Test connection" says plainly what is wrong. The key goes to the keychain, or to memory for this
// session when the user chooses (offered plainly when there is no usable keychain).

#include "Connection.h"

#include <QDialog>
#include <optional>

class ImportService;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QDialogButtonBox;
class QFormLayout;

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

public Q_SLOTS:
    void accept() override;
    void testConnection();

Q_SIGNALS:
    void tested(bool ok);
    void saved();

private:
    void updateKind();
    void validate();

    ImportService *m_service;
    QString m_id;
    bool m_hadKey = false;
    bool m_wasSessionOnly = false;
    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_cluster;
    QLineEdit *m_project;
    QLineEdit *m_region;
    QLineEdit *m_db;
    QComboBox *m_dialect;
    QLineEdit *m_key;
    QLineEdit *m_caFile;
    QCheckBox *m_sessionOnly;
    QPushButton *m_test;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QFormLayout *m_form;
    bool m_keychainFailed = false;
};
