#pragma once
// After the import, in the details: the collection's phase ("Building the index — 3.1 M of 5 M rows", "Indexed,
// not loaded — …", "Searchable"), rows in the collection vs rows imported, an index failure whole and copyable,
// and Refresh load (with a confirmation) for a collection that stayed loaded through the import.

#include <QString>
#include <QWidget>

class ImportService;
class QLabel;
class QPlainTextEdit;
class QPushButton;
struct JobRecord;

class CollectionSection : public QWidget
{
    Q_OBJECT
public:
    explicit CollectionSection(QWidget *parent = nullptr);
    void setService(ImportService *service) { m_service = service; }
    void showJob(const JobRecord *r); // hidden when nothing is known of the collection

    QString phaseText() const;
    QString rowsText() const;
    QString failureText() const;
    QPushButton *refreshButton() const { return m_refresh; }
    void refreshLoad(); // asks first (Cancel is the default)

private:
    ImportService *m_service = nullptr;
    QString m_key;
    QLabel *m_phase;
    QLabel *m_rows;
    QPlainTextEdit *m_failure;
    QPushButton *m_refresh;
};
