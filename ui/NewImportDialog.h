#pragma once
// Start an import (or re-start one): connection, database, collection, partition, one file group per line,
// bucket keys for this request only (or remembered in the keychain, offered only when one works), Milvus options.
// Validated before sending; the collection field suggests the server's collections and still takes any name.

#include "CreateRequest.h"

#include <QDialog>

class ImportService;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QDialogButtonBox;
class QFormLayout;
class QCompleter;
class QStringListModel;

class NewImportDialog : public QDialog
{
    Q_OBJECT
public:
    NewImportDialog(ImportService *service, const QString &connectionId, const CreateRequest &prefill, QWidget *parent = nullptr);

    CreateRequest request() const;
    QString problem() const;        // why it cannot be sent yet ("" when it can)
    QString statusText() const;
    QString createdKey() const { return m_createdKey; }
    QLineEdit *collectionEdit() const { return m_collection; }
    QPlainTextEdit *filesEdit() const { return m_files; }
    QLineEdit *accessKeyEdit() const { return m_accessKey; }
    QLineEdit *secretKeyEdit() const { return m_secretKey; }
    QCheckBox *rememberBox() const { return m_remember; }
    QCheckBox *twoPhaseBox() const { return m_twoPhase; }
    QStringList collectionSuggestions() const; // what the server listed for the chosen connection and database
    QCompleter *collectionCompleter() const { return m_completer; }
    bool keychainChecked() const { return m_keychainChecked; } // the keychain probe has answered
    bool suggestionsAnswered() const { return m_suggestionsAnswered; }

public Q_SLOTS:
    void accept() override;

private:
    void validate();
    void updateKind();
    bool isCloud() const;
    void askForCollections();
    void probeKeychain();

    ImportService *m_service;
    QComboBox *m_connection;
    QLineEdit *m_db;
    QLineEdit *m_collection;
    QLineEdit *m_partition;
    QPlainTextEdit *m_files;
    QLineEdit *m_accessKey;
    QLineEdit *m_secretKey;
    QCheckBox *m_remember;
    QLineEdit *m_timeout;
    QCheckBox *m_twoPhase;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QFormLayout *m_form;
    QString m_createdKey;
    // The last request whose every try went unanswered, with its connection and key: sending that same request
    // again reuses the key, so a server that honours it names the job it may have made instead of making another.
    CreateRequest m_unanswered;
    QString m_unansweredConnection;
    QCompleter *m_completer;
    QStringListModel *m_collections;
    QString m_askedFor; // connection and database the suggestions are for
    bool m_keychainChecked = false;
    bool m_suggestionsAnswered = false;
};
