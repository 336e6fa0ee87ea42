<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddJobDialog</name>
    <message>
        <source>Watch a job</source>
        <translation>Job beobachten</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>e.g. 453240863839750922 or job-01fa0e5d42cjxudhpuehyp</source>
        <translation>z. B. 453240863839750922 oder job-01fa0e5d42cjxudhpuehyp</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Beobachten</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Job ID:</source>
        <translation>&amp;Job-ID:</translation>
    </message>
    <message>
        <source>Add a connection first.</source>
        <translation>Legen Sie zuerst eine Verbindung an.</translation>
    </message>
    <message>
        <source>Paste the ID alone, or a line of JSON or a log that holds it (&quot;jobId&quot;: &quot;…&quot;).</source>
        <translation>Fügen Sie die ID allein ein oder eine JSON- oder Logzeile, die sie enthält („jobId“: „…“).</translation>
    </message>
    <message>
        <source>Job ID found</source>
        <translation>Gefundene Job-ID</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Will watch job %1</source>
        <translation>Beobachtet wird Job %1</translation>
    </message>
    <message>
        <source>Asking the server about job %1…</source>
        <translation>Frage den Server nach Job %1 …</translation>
    </message>
    <message>
        <source>%1 does not know job %2: check the ID and the connection (or its database). Jobs are forgotten some hours after they end.
The server said: %3</source>
        <translation>%1 kennt Job %2 nicht: Prüfen Sie die ID und die Verbindung (oder deren Datenbank). Jobs werden einige Stunden nach ihrem Ende vergessen.
Der Server sagte: %3</translation>
    </message>
    <message>
        <source>Could not check job %1 with %2: %3
Watch it anyway, or check again.</source>
        <translation>Job %1 konnte bei %2 nicht geprüft werden: %3
Trotzdem beobachten oder erneut prüfen.</translation>
    </message>
    <message>
        <source>&amp;Watch anyway</source>
        <translation>&amp;Trotzdem beobachten</translation>
    </message>
</context>
<context>
    <name>CollectionSection</name>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Refresh load…</source>
        <translation>Laden auffrischen …</translation>
    </message>
    <message>
        <source>The collection was loaded before the import: newly imported rows become visible to searches after a refresh of its load.</source>
        <translation>Die Collection war schon vor dem Import geladen: Neu importierte Zeilen werden für Suchen erst sichtbar, nachdem ihr Laden aufgefrischt wurde.</translation>
    </message>
    <message>
        <source>Index failure</source>
        <translation>Indexfehler</translation>
    </message>
    <message>
        <source>Collection %1: %2</source>
        <translation>Collection %1: %2</translation>
    </message>
    <message>
        <source>%1 rows in the collection, %2 imported by this job</source>
        <translation>%1 Zeilen in der Collection, %2 von diesem Job importiert</translation>
    </message>
    <message>
        <source>Index %1 on %2: %3</source>
        <translation>Index %1 auf %2: %3</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Refresh load</source>
        <translation>Laden auffrischen</translation>
    </message>
    <message>
        <source>Reload the collection so that searches see the newly imported rows? Searches keep working while it reloads.</source>
        <translation>Die Collection neu laden, damit Suchen die neu importierten Zeilen sehen? Suchen funktionieren weiter, während sie neu lädt.</translation>
    </message>
    <message>
        <source>The load could not be refreshed: %1</source>
        <translation>Das Laden konnte nicht aufgefrischt werden: %1</translation>
    </message>
    <message>
        <source>%1 rows in the collection</source>
        <translation>%1 Zeilen in der Collection</translation>
    </message>
</context>
<context>
    <name>CollectionState</name>
    <message>
        <source>Index build failed</source>
        <translation>Indexaufbau fehlgeschlagen</translation>
    </message>
    <message>
        <source>Searchable</source>
        <translation>Durchsuchbar</translation>
    </message>
    <message>
        <source>Indexed, loading (%1 %)</source>
        <translation>Indexiert, wird geladen (%1 %)</translation>
    </message>
    <message>
        <source>Indexed, not loaded — load the collection to search it</source>
        <translation>Indexiert, nicht geladen — laden Sie die Collection, um sie zu durchsuchen</translation>
    </message>
    <message>
        <source>No index — create one to search the collection</source>
        <translation>Kein Index — legen Sie einen an, um die Collection zu durchsuchen</translation>
    </message>
    <message>
        <source>Building the index — %1 of %2 rows</source>
        <translation>Index wird aufgebaut — %1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>Building the index</source>
        <translation>Index wird aufgebaut</translation>
    </message>
    <message>
        <source>Searchable — refreshing the load (%1 %)</source>
        <translation>Durchsuchbar — Laden wird aufgefrischt (%1 %)</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Enter the endpoint URL, e.g. https://api.cloud.zilliz.com or http://localhost:19530.</source>
        <translation>Geben Sie die Endpunkt-URL ein, z. B. https://api.cloud.zilliz.com oder http://localhost:19530.</translation>
    </message>
    <message>
        <source>Zilliz Cloud is reached over https:// only; http:// would send the API key in clear text.</source>
        <translation>Zilliz Cloud ist nur über https:// erreichbar; http:// würde den API-Schlüssel im Klartext senden.</translation>
    </message>
    <message>
        <source>Zilliz Cloud needs a cluster ID (in01-…), or a project ID and a region.</source>
        <translation>Zilliz Cloud braucht eine Cluster-ID (in01-…) oder eine Projekt-ID und eine Region.</translation>
    </message>
    <message>
        <source>Database names have no spaces.</source>
        <translation>Datenbanknamen enthalten keine Leerzeichen.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Edit connection</source>
        <translation>Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Zilliz Cloud</source>
        <translation>Zilliz Cloud</translation>
    </message>
    <message>
        <source>Milvus (self-hosted)</source>
        <translation>Milvus (selbst betrieben)</translation>
    </message>
    <message>
        <source>Connection type</source>
        <translation>Verbindungstyp</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <source>Cluster ID</source>
        <translation>Cluster-ID</translation>
    </message>
    <message>
        <source>proj-… (instead of a cluster ID)</source>
        <translation>proj-… (statt einer Cluster-ID)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>v2 (current)</source>
        <translation>v2 (aktuell)</translation>
    </message>
    <message>
        <source>v1 (legacy cloud API)</source>
        <translation>v1 (alte Cloud-API)</translation>
    </message>
    <message>
        <source>API key or token</source>
        <translation>API-Schlüssel oder Token</translation>
    </message>
    <message>
        <source>optional: a PEM file of a private CA to trust</source>
        <translation>optional: PEM-Datei einer privaten CA, der vertraut werden soll</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Keep the key for this session only (not in the keychain)</source>
        <translation>Schlüssel nur für diese Sitzung behalten (nicht im Schlüsselbund)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>&amp;Cluster ID:</source>
        <translation>&amp;Cluster-ID:</translation>
    </message>
    <message>
        <source>&amp;Project ID:</source>
        <translation>&amp;Projekt-ID:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <source>unchanged — type to replace</source>
        <translation>unverändert — zum Ersetzen eintippen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Zilliz Cloud API key</source>
        <translation>Zilliz-Cloud-API-Schlüssel</translation>
    </message>
    <message>
        <source>user:password or token (empty without auth)</source>
        <translation>benutzer:passwort oder Token (leer ohne Anmeldung)</translation>
    </message>
    <message>
        <source>The CA certificate file does not exist.</source>
        <translation>Die CA-Zertifikatsdatei existiert nicht.</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>You can keep the key for this session only: tick the box above and save again. It will be asked for again after a restart.</source>
        <translation>Sie können den Schlüssel nur für diese Sitzung behalten: Haken oben setzen und erneut speichern. Nach einem Neustart wird er wieder abgefragt.</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Schlüssel zeigen</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Den Schlüssel zeigen</translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation>Schlüssel verbergen</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>Den Schlüssel verbergen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is not a Zilliz Cloud address (api.cloud.zilliz.com, or a host under zillizcloud.com). For a self-hosted Milvus, or a proxy in front of one, choose the type Milvus.</source>
        <translation>%1 ist keine Zilliz-Cloud-Adresse (api.cloud.zilliz.com oder ein Host unter zillizcloud.com). Für ein selbst betriebenes Milvus oder einen Proxy davor wählen Sie den Typ Milvus.</translation>
    </message>
    <message>
        <source>Zilliz Cloud is reached over https:// only; http:// would send the API key in clear text.</source>
        <translation>Zilliz Cloud ist nur über https:// erreichbar; http:// würde den API-Schlüssel im Klartext senden.</translation>
    </message>
    <message>
        <source>Zilliz Cloud needs an API key: paste one from the console (API Keys).</source>
        <translation>Zilliz Cloud braucht einen API-Schlüssel: Fügen Sie einen aus der Konsole ein (API Keys).</translation>
    </message>
    <message>
        <source>No scheme given: %1 assumed (%2).</source>
        <translation>Kein Schema angegeben: %1 angenommen (%2).</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Teste %1 …</translation>
    </message>
    <message>
        <source>The server asks for a key and none was given: enter the API key (Zilliz Cloud) or user:password / token (Milvus).
%1</source>
        <translation>Der Server verlangt einen Schlüssel, und es wurde keiner angegeben: Geben Sie den API-Schlüssel (Zilliz Cloud) oder benutzer:passwort / Token (Milvus) ein.
%1</translation>
    </message>
    <message>
        <source>Tried %1.</source>
        <translation>Versucht: %1.</translation>
    </message>
    <message>
        <source>Connected to %1: the server lists 1 import job.</source>
        <translation>Verbunden mit %1: Der Server listet 1 Import-Job.</translation>
    </message>
    <message>
        <source>Connected to %1: the server lists %2 import jobs.</source>
        <translation>Verbunden mit %1: Der Server listet %2 Import-Jobs.</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>List clusters</source>
        <translation>Cluster auflisten</translation>
    </message>
    <message>
        <source>Listing the clusters this key can see…</source>
        <translation>Liste die Cluster auf, die dieser Schlüssel sieht …</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 (%2, %3) — %4</source>
        <translation>%1 (%2, %3) — %4</translation>
    </message>
    <message>
        <source>This key sees no cluster.</source>
        <translation>Dieser Schlüssel sieht keinen Cluster.</translation>
    </message>
    <message>
        <source>Clusters found: %1 — pick one.</source>
        <translation>Gefundene Cluster: %1 — wählen Sie einen.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Server keeps finished jobs</source>
        <translation>Server behält beendete Jobs</translation>
    </message>
    <message>
        <source>How long the server lists a job after it ended: Milvus 3 h by default (dataCoord.import.taskRetention), 48 h from 2.6.24. Bulkwatch keeps its own history.</source>
        <translation>Wie lange der Server einen Job nach seinem Ende auflistet: Milvus standardmäßig 3 h (dataCoord.import.taskRetention), ab 2.6.24 48 h. Bulkwatch führt einen eigenen Verlauf.</translation>
    </message>
    <message>
        <source>Server keeps &amp;finished jobs:</source>
        <translation>Server behält &amp;beendete Jobs:</translation>
    </message>
</context>
<context>
    <name>ConnectionKeys</name>
    <message>
        <source>The key was kept for the previous session only. Edit the connection to enter it again.</source>
        <translation>Der Schlüssel galt nur für die vorige Sitzung. Bearbeiten Sie die Verbindung, um ihn erneut einzugeben.</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Connection health</source>
        <translation>Verbindungszustand</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde …</translation>
    </message>
    <message>
        <source>last answer %1 s ago</source>
        <translation>letzte Antwort vor %1 s</translation>
    </message>
    <message>
        <source>rate limited — retrying in %1 s</source>
        <translation>Anfragen gedrosselt — neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>server trouble — retrying in %1 s</source>
        <translation>Serverprobleme — neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>TLS certificate not accepted — edit the connection to trust its CA (retrying in %1 s)</source>
        <translation>TLS-Zertifikat nicht akzeptiert — bearbeiten Sie die Verbindung, um ihrer CA zu vertrauen (neuer Versuch in %1 s)</translation>
    </message>
    <message>
        <source>offline — showing last known state, retrying in %1 s</source>
        <translation>offline — letzter bekannter Stand, neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>the key was refused — edit the connection</source>
        <translation>der Schlüssel wurde abgelehnt — Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>no key — %1</source>
        <translation>kein Schlüssel — %1</translation>
    </message>
    <message>
        <source> · unencrypted</source>
        <translation> · unverschlüsselt</translation>
    </message>
    <message>
        <source>No connections</source>
        <translation>Keine Verbindungen</translation>
    </message>
    <message>
        <source> · cluster %1</source>
        <translation> · Cluster %1</translation>
    </message>
    <message>
        <source> · %1 rows/s</source>
        <translation> · %1 Zeilen/s</translation>
    </message>
</context>
<context>
    <name>DBusNotifier</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Watch your bulk imports</source>
        <translation>Behalten Sie Ihre Bulk-Importe im Blick</translation>
    </message>
    <message>
        <source>Bulkwatch follows bulk-import jobs on Zilliz Cloud and Milvus: their progress, the server&apos;s whole reason when one fails, and a notification when they end. Jobs started anywhere (SDKs, pipelines) appear by themselves. API keys stay in the system keychain.</source>
        <translation>Bulkwatch verfolgt Bulk-Import-Jobs auf Zilliz Cloud und Milvus: ihren Fortschritt, den vollständigen Grund des Servers, wenn einer fehlschlägt, und eine Benachrichtigung, wenn sie enden. Anderswo gestartete Jobs (SDKs, Pipelines) erscheinen von selbst. API-Schlüssel bleiben im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Add connection…</source>
        <translation>Verbindung hinzufügen …</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>A simulated server with a few imports, in a window of its own: nothing is saved</source>
        <translation>Ein simulierter Server mit einigen Importen, in einem eigenen Fenster: nichts wird gespeichert</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>The endpoint URL is empty.</source>
        <translation>Die Endpunkt-URL ist leer.</translation>
    </message>
    <message>
        <source>That URL is %1 characters long; paste only the endpoint, e.g. https://api.cloud.zilliz.com.</source>
        <translation>Diese URL ist %1 Zeichen lang; fügen Sie nur den Endpunkt ein, z. B. https://api.cloud.zilliz.com.</translation>
    </message>
    <message>
        <source>“%1” is not a URL; expected e.g. https://api.cloud.zilliz.com or http://localhost:19530.</source>
        <translation>„%1“ ist keine URL; erwartet z. B. https://api.cloud.zilliz.com oder http://localhost:19530.</translation>
    </message>
    <message>
        <source>Only http:// and https:// endpoints are supported.</source>
        <translation>Nur http:// und https:// werden unterstützt.</translation>
    </message>
    <message>
        <source>Put credentials in the key field, not in the URL.</source>
        <translation>Zugangsdaten gehören in das Schlüsselfeld, nicht in die URL.</translation>
    </message>
</context>
<context>
    <name>ErrorAdvice</name>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>Cannot reach the server: check the URL and port, your VPN or firewall.</source>
        <translation>Der Server ist nicht erreichbar: Prüfen Sie URL und Port, VPN oder Firewall.</translation>
    </message>
    <message>
        <source>The server did not answer in time: it may be overloaded, or the address leads nowhere.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet: Er ist vielleicht überlastet, oder die Adresse führt ins Leere.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate was not accepted: check the URL, or trust the issuing CA.</source>
        <translation>Das TLS-Zertifikat des Servers wurde nicht akzeptiert: Prüfen Sie die URL oder vertrauen Sie der ausstellenden CA.</translation>
    </message>
    <message>
        <source>The key was refused: check the API key (Zilliz Cloud) or the user:password / token (Milvus).</source>
        <translation>Der Schlüssel wurde abgelehnt: Prüfen Sie den API-Schlüssel (Zilliz Cloud) bzw. benutzer:passwort / Token (Milvus).</translation>
    </message>
    <message>
        <source>Access denied: check the database name; the user needs the import privilege there.</source>
        <translation>Zugriff verweigert: Prüfen Sie den Datenbanknamen; der Benutzer braucht dort das Import-Recht.</translation>
    </message>
    <message>
        <source>Not found: check the database (or cluster) name.</source>
        <translation>Nicht gefunden: Prüfen Sie den Namen der Datenbank (oder des Clusters).</translation>
    </message>
    <message>
        <source>The server no longer knows this job.</source>
        <translation>Der Server kennt diesen Job nicht mehr.</translation>
    </message>
    <message>
        <source>The server asks to slow down; Bulkwatch waits and retries by itself.</source>
        <translation>Der Server bittet um weniger Anfragen; Bulkwatch wartet und versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>Der Server hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The answer could not be read; a proxy may be in the way.</source>
        <translation>Die Antwort war nicht lesbar; vielleicht steht ein Proxy dazwischen.</translation>
    </message>
    <message>
        <source>No import API at this address: is it Milvus 2.4 or newer, or a Zilliz Cloud endpoint?</source>
        <translation>Unter dieser Adresse gibt es keine Import-API: Ist es Milvus 2.4 oder neuer oder ein Zilliz-Cloud-Endpunkt?</translation>
    </message>
    <message>
        <source>Too many imports are running: wait for some to finish, or import several files in one job.</source>
        <translation>Zu viele Importe laufen: Warten Sie, bis einige fertig sind, oder importieren Sie mehrere Dateien in einem Job.</translation>
    </message>
    <message>
        <source>Too many files for one job: split them over several imports.</source>
        <translation>Zu viele Dateien für einen Job: Verteilen Sie sie auf mehrere Importe.</translation>
    </message>
    <message>
        <source>A file is larger than the server accepts: split it into smaller files.</source>
        <translation>Eine Datei ist größer, als der Server annimmt: Teilen Sie sie in kleinere Dateien.</translation>
    </message>
    <message>
        <source>No such collection: check its name and the database.</source>
        <translation>Diese Collection gibt es nicht: Prüfen Sie ihren Namen und die Datenbank.</translation>
    </message>
    <message>
        <source>The bucket refused the credentials: check the access key and secret key.</source>
        <translation>Der Bucket hat die Zugangsdaten abgelehnt: Prüfen Sie Access Key und Secret Key.</translation>
    </message>
    <message>
        <source>A required field is missing.</source>
        <translation>Ein Pflichtfeld fehlt.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Der Server sagte: %1</translation>
    </message>
    <message>
        <source>No answer came, so the import may have started. Its key is kept: the next time Bulkwatch starts, it looks for the job on the server, and asks you if it is not there.</source>
        <translation>Es kam keine Antwort, der Import hat also vielleicht begonnen. Sein Schlüssel bleibt erhalten: Beim nächsten Start sucht Bulkwatch den Job auf dem Server und fragt Sie, wenn er dort nicht ist.</translation>
    </message>
</context>
<context>
    <name>EtaEstimator</name>
    <message>
        <source>No estimate: the job waits for you to commit or abort it; it does not finish by itself.</source>
        <translation>Keine Schätzung: Der Job wartet darauf, dass Sie ihn committen oder abbrechen; er endet nicht von selbst.</translation>
    </message>
    <message>
        <source>No estimate: the job is queued on the server and nothing moves yet.</source>
        <translation>Keine Schätzung: Der Job wartet in der Warteschlange des Servers, noch bewegt sich nichts.</translation>
    </message>
    <message>
        <source>No estimate: the server reports a state Bulkwatch does not know.</source>
        <translation>Keine Schätzung: Der Server meldet einen Zustand, den Bulkwatch nicht kennt.</translation>
    </message>
    <message>
        <source>No estimate: all rows are in and sorting and index building follow; no job has finished on this server while Bulkwatch watched, so there is nothing to say how long they take.</source>
        <translation>Keine Schätzung: Alle Zeilen sind da, es folgen Sortieren und Indexaufbau; auf diesem Server ist noch kein beobachteter Job fertig geworden, an dem sich ablesen ließe, wie lange das dauert.</translation>
    </message>
    <message>
        <source>No estimate: sorting and indexing take longer than before on this server (about %1 for this many rows).</source>
        <translation>Keine Schätzung: Sortieren und Indexaufbau dauern länger als bisher auf diesem Server (etwa %1 für so viele Zeilen).</translation>
    </message>
    <message numerus="yes">
        <source>Sorting and building the index: about %1 on this server for this many rows (from %n finished job(s)).</source>
        <translation>
            <numerusform>Sortieren und Indexaufbau: etwa %1 auf diesem Server für so viele Zeilen (aus %n fertigen Job).</numerusform>
            <numerusform>Sortieren und Indexaufbau: etwa %1 auf diesem Server für so viele Zeilen (aus %n fertigen Jobs).</numerusform>
        </translation>
    </message>
    <message>
        <source>No estimate yet: it takes two answers with the rows moving to measure a rate.</source>
        <translation>Noch keine Schätzung: Für eine Rate braucht es zwei Antworten, zwischen denen sich die Zeilen bewegen.</translation>
    </message>
    <message>
        <source>No estimate: the rows need about %1 more at the current rate, but sorting and index building follow and no job has finished on this server while Bulkwatch watched to say how long they take.</source>
        <translation>Keine Schätzung: Die Zeilen brauchen beim jetzigen Tempo noch etwa %1, danach folgen Sortieren und Indexaufbau, und auf diesem Server ist noch kein beobachteter Job fertig geworden, an dem sich deren Dauer ablesen ließe.</translation>
    </message>
    <message>
        <source>No estimate: the rows are slower than their recent rate; waiting for the next answer.</source>
        <translation>Keine Schätzung: Die Zeilen kommen langsamer als zuletzt; warte auf die nächste Antwort.</translation>
    </message>
    <message>
        <source>No estimate: the job was already past its rows when Bulkwatch first saw it, and the server has not said when they were done.</source>
        <translation>Keine Schätzung: Der Job war schon über seine Zeilen hinaus, als Bulkwatch ihn zuerst sah, und der Server hat nicht gesagt, wann sie fertig waren.</translation>
    </message>
    <message>
        <source>Rough: this job has far more rows than any seen finishing on this server, so that part is a guess.</source>
        <translation>Grob: Dieser Job hat weit mehr Zeilen als jeder, der auf diesem Server fertig wurde; dieser Teil ist geschätzt.</translation>
    </message>
    <message numerus="yes">
        <source>Rows: %1 at the rate since the rows started, then sorting and building the index: about %2 (from %n finished job(s) on this server).</source>
        <translation>
            <numerusform>Zeilen: %1 beim Tempo seit Beginn der Zeilen, dann Sortieren und Indexaufbau: etwa %2 (aus %n fertigen Job auf diesem Server).</numerusform>
            <numerusform>Zeilen: %1 beim Tempo seit Beginn der Zeilen, dann Sortieren und Indexaufbau: etwa %2 (aus %n fertigen Jobs auf diesem Server).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Wird importiert</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Wird wiederholt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>The server says “%1”</source>
        <translation>Der Server sagt „%1“</translation>
    </message>
    <message>
        <source>none kept</source>
        <translation>nichts übernommen</translation>
    </message>
    <message>
        <source>Read, not kept</source>
        <translation>Gelesen, nicht übernommen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>The job stopped: this file&apos;s rows are not in the collection.</source>
        <translation>Der Job wurde beendet: Die Zeilen dieser Datei sind nicht in der Collection.</translation>
    </message>
    <message>
        <source>The job stopped: none of these rows are in the collection (the server had read %1).</source>
        <translation>Der Job wurde beendet: Keine dieser Zeilen ist in der Collection (der Server hatte %1 gelesen).</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not kept</source>
        <translation>
            <numerusform>%n nicht übernommen</numerusform>
            <numerusform>%n nicht übernommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n fertig</numerusform>
            <numerusform>%n fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n importing</source>
        <translation>
            <numerusform>%n im Import</numerusform>
            <numerusform>%n im Import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1</source>
        <translation>
            <numerusform>%n Datei: %1</numerusform>
            <numerusform>%n Dateien: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation>Die Verlaufsdatenbank %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>The history database %1 is damaged or not a Bulkwatch database (%2). It was left untouched; move it away to start a new history.</source>
        <translation>Die Verlaufsdatenbank %1 ist beschädigt oder keine Bulkwatch-Datenbank (%2). Sie wurde nicht angerührt; verschieben Sie sie, um einen neuen Verlauf zu beginnen.</translation>
    </message>
    <message>
        <source>The history database %1 was written by a newer Bulkwatch (schema %2; this one knows %3). It was left untouched; update Bulkwatch to open it.</source>
        <translation>Die Verlaufsdatenbank %1 stammt von einem neueren Bulkwatch (Schema %2; dieses kennt %3). Sie wurde nicht angerührt; aktualisieren Sie Bulkwatch, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program; it was left untouched.</source>
        <translation>%1 ist eine SQLite-Datenbank eines anderen Programms; sie wurde nicht angerührt.</translation>
    </message>
    <message>
        <source>Cannot prepare the history database: %1</source>
        <translation>Die Verlaufsdatenbank lässt sich nicht vorbereiten: %1</translation>
    </message>
    <message>
        <source>Could not write the history: %1</source>
        <translation>Der Verlauf konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Could not save the connection: %1</source>
        <translation>Die Verbindung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>ImportService</name>
    <message>
        <source>The key could not be deleted from the keychain: %1</source>
        <translation>Der Schlüssel konnte nicht aus dem Schlüsselbund gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Choose a connection first.</source>
        <translation>Wählen Sie zuerst eine Verbindung.</translation>
    </message>
    <message>
        <source>The server does not know this job: a wrong ID, another database, or it finished over 3 hours ago and has expired. (%1)</source>
        <translation>Der Server kennt diesen Job nicht: eine falsche ID, eine andere Datenbank, oder er ist vor über 3 Stunden beendet worden und abgelaufen. (%1)</translation>
    </message>
    <message>
        <source>The connection&apos;s key is not available yet.</source>
        <translation>Der Schlüssel der Verbindung ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>The bucket keys could not be kept in the keychain: %1</source>
        <translation>Die Bucket-Schlüssel konnten nicht im Schlüsselbund abgelegt werden: %1</translation>
    </message>
    <message>
        <source>The bucket keys could not be read from the keychain: %1</source>
        <translation>Die Bucket-Schlüssel konnten nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>No such job.</source>
        <translation>Diesen Job gibt es nicht.</translation>
    </message>
    <message>
        <source>the connection is gone</source>
        <translation>die Verbindung gibt es nicht mehr</translation>
    </message>
    <message>
        <source>the connection&apos;s key is not available yet</source>
        <translation>der Schlüssel der Verbindung ist noch nicht verfügbar</translation>
    </message>
    <message>
        <source>This session has no keychain.</source>
        <translation>Diese Sitzung hat keinen Schlüsselbund.</translation>
    </message>
    <message>
        <source>This import is no longer waiting for an answer.</source>
        <translation>Dieser Import wartet nicht mehr auf eine Antwort.</translation>
    </message>
</context>
<context>
    <name>JobDetailsPanel</name>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Files of the selected job</source>
        <translation>Dateien des ausgewählten Jobs</translation>
    </message>
    <message>
        <source>Select a job to see its files.</source>
        <translation>Wählen Sie einen Job, um seine Dateien zu sehen.</translation>
    </message>
    <message>
        <source>Job %1 · %2 · %3</source>
        <translation>Job %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Fetching the files…</source>
        <translation>Dateien werden geholt …</translation>
    </message>
    <message>
        <source>No change for %1.</source>
        <translation>Seit %1 unverändert.</translation>
    </message>
    <message>
        <source>The server gave no reason for this failure.</source>
        <translation>Der Server hat für diesen Fehler keinen Grund genannt.</translation>
    </message>
    <message>
        <source>Last poll: %1</source>
        <translation>Letzte Abfrage: %1</translation>
    </message>
    <message>
        <source>Commit import…</source>
        <translation>Import committen…</translation>
    </message>
    <message>
        <source>Abort import…</source>
        <translation>Import abbrechen…</translation>
    </message>
    <message>
        <source>Rows, throughput and time left</source>
        <translation>Zeilen, Durchsatz und Restzeit</translation>
    </message>
    <message>
        <source>Files summary</source>
        <translation>Dateiübersicht</translation>
    </message>
    <message>
        <source>Failed files only</source>
        <translation>Nur fehlgeschlagene Dateien</translation>
    </message>
    <message>
        <source>Rows: %1</source>
        <translation>Zeilen: %1</translation>
    </message>
    <message>
        <source>ETA: %1</source>
        <translation>Restzeit: %1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Angelegt: %1</translation>
    </message>
    <message>
        <source>— (the server does not say)</source>
        <translation>— (der Server sagt es nicht)</translation>
    </message>
    <message>
        <source>First seen by Bulkwatch: %1</source>
        <translation>Von Bulkwatch zuerst gesehen: %1</translation>
    </message>
    <message>
        <source>Completed: %1</source>
        <translation>Abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Expired (last: %1)</source>
        <translation>Abgelaufen (zuletzt: %1)</translation>
    </message>
    <message>
        <source>Aborted from Bulkwatch — an aborted import leaves nothing in the collection.</source>
        <translation>In Bulkwatch abgebrochen — ein abgebrochener Import hinterlässt nichts in der Collection.</translation>
    </message>
</context>
<context>
    <name>JobId</name>
    <message>
        <source>The job ID is empty.</source>
        <translation>Die Job-ID ist leer.</translation>
    </message>
    <message>
        <source>That is %1 characters long; a job ID is a short token such as job-01fa0e5d42cjxudhpuehyp or 453240863839750922.</source>
        <translation>Das sind %1 Zeichen; eine Job-ID ist ein kurzes Kürzel wie job-01fa0e5d42cjxudhpuehyp oder 453240863839750922.</translation>
    </message>
    <message>
        <source>A job ID has only letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;:&apos; (e.g. job-01fa0e5d42cjxudhpuehyp or 453240863839750922).</source>
        <translation>Eine Job-ID besteht nur aus Buchstaben, Ziffern, „-“, „_“, „.“ und „:“ (z. B. job-01fa0e5d42cjxudhpuehyp oder 453240863839750922).</translation>
    </message>
</context>
<context>
    <name>JobPhase</name>
    <message>
        <source>Waiting in the server&apos;s queue — no data read yet.</source>
        <translation>Wartet in der Warteschlange des Servers — noch keine Daten gelesen.</translation>
    </message>
    <message>
        <source>Reading and checking the files.</source>
        <translation>Die Dateien werden gelesen und geprüft.</translation>
    </message>
    <message>
        <source>Importing rows from the files.</source>
        <translation>Zeilen werden aus den Dateien importiert.</translation>
    </message>
    <message>
        <source>All files written — sorting and building the index; this step shows no per-file progress.</source>
        <translation>Alle Dateien geschrieben — Sortieren und Indexaufbau; dieser Schritt zeigt keinen Fortschritt je Datei.</translation>
    </message>
    <message>
        <source>Two-phase import: data is staged and waits for a commit or an abort. It will not finish by itself.</source>
        <translation>Zweiphasiger Import: Die Daten liegen bereit und warten auf Commit oder Abbruch. Er endet nicht von selbst.</translation>
    </message>
    <message>
        <source>Completed — the rows are in the collection.</source>
        <translation>Abgeschlossen — die Zeilen sind in der Collection.</translation>
    </message>
    <message>
        <source>Failed — see the reason below.</source>
        <translation>Fehlgeschlagen — siehe Grund unten.</translation>
    </message>
    <message>
        <source>Expired on the server — it forgets finished jobs after a few hours. Showing the last known state.</source>
        <translation>Auf dem Server abgelaufen — er vergisst beendete Jobs nach einigen Stunden. Gezeigt wird der letzte bekannte Stand.</translation>
    </message>
    <message>
        <source>The server reports a state Bulkwatch does not know; shown as sent.</source>
        <translation>Der Server meldet einen Status, den Bulkwatch nicht kennt; so angezeigt, wie gesendet.</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Awaiting commit</source>
        <translation>Wartet auf Commit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Expired on server</source>
        <translation>Auf dem Server abgelaufen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>vor %n Sekunde</numerusform>
            <numerusform>vor %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>The server gave no reason for this failure.</source>
        <translation>Der Server hat für diesen Fehler keinen Grund genannt.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Sorting / indexing</source>
        <translation>Sortieren / Indexieren</translation>
    </message>
    <message numerus="yes">
        <source>no change for %n min</source>
        <translation>
            <numerusform>seit %n min unverändert</numerusform>
            <numerusform>seit %n min unverändert</numerusform>
        </translation>
    </message>
    <message>
        <source>moving</source>
        <translation>in Bewegung</translation>
    </message>
    <message>
        <source>%1 — the server says “%2”</source>
        <translation>%1 — der Server sagt „%2“</translation>
    </message>
    <message>
        <source>When Bulkwatch first saw the job (its own clock).</source>
        <translation>Wann Bulkwatch den Job zuerst gesehen hat (eigene Uhr).</translation>
    </message>
    <message>
        <source>When the server created the job (only the newest servers say).</source>
        <translation>Wann der Server den Job angelegt hat (nur die neuesten Server sagen es).</translation>
    </message>
    <message>
        <source>When the server finished the job, or when Bulkwatch saw it end.</source>
        <translation>Wann der Server den Job beendet hat, oder wann Bulkwatch sein Ende gesehen hat.</translation>
    </message>
    <message>
        <source>From the creation (or first sight) to the end, or to now while it runs.</source>
        <translation>Vom Anlegen (oder ersten Sehen) bis zum Ende, oder bis jetzt, solange er läuft.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>The server sends no creation time (only the newest servers do).</source>
        <translation>Der Server sendet keine Anlegezeit (das tun nur die neuesten Server).</translation>
    </message>
    <message>
        <source>Unknown: Bulkwatch first saw this job already finished, and the server sends no creation time.</source>
        <translation>Unbekannt: Bulkwatch hat diesen Job zuerst schon beendet gesehen, und der Server sendet keine Anlegezeit.</translation>
    </message>
    <message>
        <source>From the server&apos;s creation time.</source>
        <translation>Ab der Anlegezeit des Servers.</translation>
    </message>
    <message>
        <source>From when Bulkwatch first saw the job.</source>
        <translation>Ab dem Zeitpunkt, zu dem Bulkwatch den Job zuerst gesehen hat.</translation>
    </message>
    <message>
        <source>The bar shows the rows: %1 of %2 (%3); the server says %4.</source>
        <translation>Der Balken zeigt die Zeilen: %1 von %2 (%3); der Server meldet %4.</translation>
    </message>
    <message>
        <source>Milvus reports progress in stages, not rows: queued 0–10 %, reading the files 10–40 %, writing rows 40–70 %, sorting 70–80 %, building the index 80–90 %, then 100 % when done (99 % while a two-phase import waits for its commit).</source>
        <translation>Milvus meldet den Fortschritt in Stufen, nicht in Zeilen: Warteschlange 0–10 %, Dateien lesen 10–40 %, Zeilen schreiben 40–70 %, Sortieren 70–80 %, Indexaufbau 80–90 %, dann 100 %, wenn fertig (99 %, solange ein zweiphasiger Import auf seinen Commit wartet).</translation>
    </message>
    <message>
        <source>none kept</source>
        <translation>nichts übernommen</translation>
    </message>
    <message>
        <source>The import was aborted: an aborted import leaves nothing in the collection.</source>
        <translation>Der Import wurde abgebrochen: Ein abgebrochener Import hinterlässt nichts in der Collection.</translation>
    </message>
    <message>
        <source>The import failed: a failed import leaves nothing in the collection.</source>
        <translation>Der Import ist fehlgeschlagen: Ein fehlgeschlagener Import hinterlässt nichts in der Collection.</translation>
    </message>
    <message>
        <source>The server had read %1 when it stopped; none of them were kept.</source>
        <translation>Der Server hatte %1 gelesen, als er abbrach; nichts davon wurde übernommen.</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <source>Rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <source>Rows written per second, smoothed over the last answers.</source>
        <translation>Geschriebene Zeilen pro Sekunde, geglättet über die letzten Antworten.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Forgotten by the server %1; its last state was %2.</source>
        <translation>%1 vom Server vergessen; sein letzter Stand war %2.</translation>
    </message>
    <message>
        <source>Waiting for you: commit or abort the import (Jobs menu or the details).</source>
        <translation>Wartet auf Sie: den Import committen oder abbrechen (Menü Jobs oder die Details).</translation>
    </message>
    <message>
        <source>Queued on the server: nothing moves yet.</source>
        <translation>In der Warteschlange des Servers: noch bewegt sich nichts.</translation>
    </message>
    <message>
        <source>forgotten %1</source>
        <translation>%1 vergessen</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Expired: the server no longer lists this job; its last state was %1.</source>
        <translation>Abgelaufen: Der Server führt diesen Job nicht mehr; sein letzter Stand war %1.</translation>
    </message>
    <message>
        <source>your turn</source>
        <translation>Sie sind dran</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>~%1 h</source>
        <translation>~%1 h</translation>
    </message>
    <message>
        <source>~%1 min</source>
        <translation>~%1 min</translation>
    </message>
    <message>
        <source>The server forgets this job in %1: it keeps finished jobs for %2 (the connection&apos;s setting; Milvus: 3 h by default, 48 h from 2.6.24). Bulkwatch keeps it in its history.</source>
        <translation>Der Server vergisst diesen Job in %1: Er behält beendete Jobs %2 lang (Einstellung der Verbindung; Milvus: standardmäßig 3 h, ab 2.6.24 48 h). Bulkwatch behält ihn im Verlauf.</translation>
    </message>
    <message>
        <source>forgotten in %1</source>
        <translation>vergessen in %1</translation>
    </message>
</context>
<context>
    <name>JobsTable</name>
    <message>
        <source>State filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Connection filter</source>
        <translation>Verbindungsfilter</translation>
    </message>
    <message>
        <source>Search job ID, collection, reason… (Ctrl+F)</source>
        <translation>Job-ID, Collection, Grund suchen … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Import jobs</source>
        <translation>Import-Jobs</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>Alle Verbindungen</translation>
    </message>
    <message>
        <source>No connections yet.
Add a Zilliz Cloud or Milvus connection (Ctrl+Shift+N), or try the demo: bulkwatch --demo</source>
        <translation>Noch keine Verbindungen.
Legen Sie eine Zilliz-Cloud- oder Milvus-Verbindung an (Ctrl+Shift+N) oder probieren Sie die Demo: bulkwatch --demo</translation>
    </message>
    <message>
        <source>No jobs match the filter.</source>
        <translation>Keine Jobs passen zum Filter.</translation>
    </message>
    <message>
        <source>No import jobs yet.
Jobs started elsewhere (SDKs, pipelines) appear by themselves; watch one by ID with Ctrl+N.</source>
        <translation>Noch keine Import-Jobs.
Anderswo gestartete Jobs (SDKs, Pipelines) erscheinen von selbst; einen Job per ID beobachten mit Ctrl+N.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A state tab and how many jobs it holds, e.g. &quot;Failed (2)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Collection filter</source>
        <translation>Collection-Filter</translation>
    </message>
    <message>
        <source>All collections</source>
        <translation>Alle Collections</translation>
    </message>
    <message>
        <source>Searchable</source>
        <translation>Durchsuchbar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bulkwatch</source>
        <translation>Bulkwatch</translation>
    </message>
    <message>
        <source>Keep watching?</source>
        <translation>Weiter beobachten?</translation>
    </message>
    <message>
        <source>Keep Bulkwatch running in the tray to be notified when imports end?</source>
        <translation>Bulkwatch im Systembereich weiterlaufen lassen, um bei Importende benachrichtigt zu werden?</translation>
    </message>
    <message>
        <source>You can change this in Preferences.</source>
        <translation>Sie können das in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove “%1”, its key from the keychain and its job history?</source>
        <translation>„%1“, ihren Schlüssel im Schlüsselbund und ihren Job-Verlauf entfernen?</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>Support report copied — paste it into your ticket.</source>
        <translation>Support-Bericht kopiert — fügen Sie ihn in Ihr Ticket ein.</translation>
    </message>
    <message>
        <source>the folder does not exist or is not writable</source>
        <translation>der Ordner existiert nicht oder ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>Export jobs</source>
        <translation>Jobs exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n job(s) from Bulkwatch&apos;s history? Nothing changes on the server.</source>
        <translation>
            <numerusform>%n Job aus dem Verlauf von Bulkwatch entfernen? Auf dem Server ändert sich nichts.</numerusform>
            <numerusform>%n Jobs aus dem Verlauf von Bulkwatch entfernen? Auf dem Server ändert sich nichts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Wiederholen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Import started again.</source>
        <translation>Import erneut gestartet.</translation>
    </message>
    <message>
        <source>Commit import</source>
        <translation>Import committen</translation>
    </message>
    <message>
        <source>Commit import %1 into “%2”? The staged rows become visible in the collection.</source>
        <translation>Import %1 in „%2“ committen? Die bereitgestellten Zeilen werden in der Collection sichtbar.</translation>
    </message>
    <message>
        <source>Commit failed: %1</source>
        <translation>Commit fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Committed.</source>
        <translation>Committet.</translation>
    </message>
    <message>
        <source>Abort import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Abort import %1? The staged rows are discarded.</source>
        <translation>Import %1 abbrechen? Die bereitgestellten Zeilen werden verworfen.</translation>
    </message>
    <message>
        <source>Abort failed: %1</source>
        <translation>Abbruch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Aborted.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>Im Systembereich weiterlaufen</translation>
    </message>
    <message>
        <source>Quit Bulkwatch</source>
        <translation>Bulkwatch beenden</translation>
    </message>
    <message>
        <source>The demo opens in a window of its own.</source>
        <translation>Die Demo öffnet sich in einem eigenen Fenster.</translation>
    </message>
    <message>
        <source>The demo could not be started.</source>
        <translation>Die Demo konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>&amp;Copy error</source>
        <translation>Fehler &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy job ID</source>
        <translation>Job-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Demo (simulated server)</source>
        <translation>Demo (simulierter Server)</translation>
    </message>
    <message>
        <source>Not in the demo: your connections belong in Bulkwatch&apos;s own history. Start Bulkwatch without --demo to add them.</source>
        <translation>Nicht in der Demo: Ihre Verbindungen gehören in den eigenen Verlauf von Bulkwatch. Starten Sie Bulkwatch ohne --demo, um sie hinzuzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n job(s)</source>
        <translation>
            <numerusform>%n Job entfernen</numerusform>
            <numerusform>%n Jobs entfernen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewImportDialog</name>
    <message>
        <source>New import</source>
        <translation>Neuer Import</translation>
    </message>
    <message>
        <source>Start the import again</source>
        <translation>Import erneut starten</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>(default partition)</source>
        <translation>(Standardpartition)</translation>
    </message>
    <message>
        <source>Files, one group per line</source>
        <translation>Dateien, eine Gruppe je Zeile</translation>
    </message>
    <message>
        <source>Bucket access key</source>
        <translation>Bucket-Access-Key</translation>
    </message>
    <message>
        <source>Bucket secret key</source>
        <translation>Bucket-Secret-Key</translation>
    </message>
    <message>
        <source>Remember the bucket keys in the keychain (for Retry)</source>
        <translation>Bucket-Schlüssel im Schlüsselbund merken (für Wiederholen)</translation>
    </message>
    <message>
        <source>e.g. 300s (optional)</source>
        <translation>z. B. 300s (optional)</translation>
    </message>
    <message>
        <source>Two-phase: stage the data and wait for Commit</source>
        <translation>Zweiphasig: Daten bereitstellen und auf Commit warten</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>C&amp;ollection:</source>
        <translation>C&amp;ollection:</translation>
    </message>
    <message>
        <source>&amp;Partition:</source>
        <translation>&amp;Partition:</translation>
    </message>
    <message>
        <source>&amp;Files:</source>
        <translation>&amp;Dateien:</translation>
    </message>
    <message>
        <source>&amp;Access key:</source>
        <translation>&amp;Access Key:</translation>
    </message>
    <message>
        <source>&amp;Secret key:</source>
        <translation>&amp;Secret Key:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Timeout:</translation>
    </message>
    <message>
        <source>&amp;Start import</source>
        <translation>Import &amp;starten</translation>
    </message>
    <message>
        <source>One object URL per line, e.g.
s3://bucket/folder/1.parquet
Several NumPy files of one group: comma-separated</source>
        <translation>Eine Objekt-URL je Zeile, z. B.
s3://bucket/ordner/1.parquet
Mehrere NumPy-Dateien einer Gruppe: durch Kommas getrennt</translation>
    </message>
    <message>
        <source>One file (path in the bucket) per line, e.g.
folder/1.parquet
Several NumPy files of one group: a.npy, b.npy</source>
        <translation>Eine Datei (Pfad im Bucket) je Zeile, z. B.
ordner/1.parquet
Mehrere NumPy-Dateien einer Gruppe: a.npy, b.npy</translation>
    </message>
    <message>
        <source>Add a connection first.</source>
        <translation>Legen Sie zuerst eine Verbindung an.</translation>
    </message>
    <message>
        <source>Enter the collection to import into.</source>
        <translation>Geben Sie die Collection ein, in die importiert wird.</translation>
    </message>
    <message>
        <source>Collection names start with a letter or &apos;_&apos; and have only letters, digits and &apos;_&apos;.</source>
        <translation>Collection-Namen beginnen mit einem Buchstaben oder „_“ und enthalten nur Buchstaben, Ziffern und „_“.</translation>
    </message>
    <message>
        <source>Partition names have only letters, digits and &apos;_&apos;.</source>
        <translation>Partitionsnamen enthalten nur Buchstaben, Ziffern und „_“.</translation>
    </message>
    <message>
        <source>Database names have no spaces.</source>
        <translation>Datenbanknamen enthalten keine Leerzeichen.</translation>
    </message>
    <message>
        <source>List at least one file (one group per line).</source>
        <translation>Geben Sie mindestens eine Datei an (eine Gruppe je Zeile).</translation>
    </message>
    <message>
        <source>%1 file groups: one job takes at most 1024. Split them over several imports.</source>
        <translation>%1 Dateigruppen: Ein Job nimmt höchstens 1024. Verteilen Sie sie auf mehrere Importe.</translation>
    </message>
    <message>
        <source>“%1” is not an object URL (s3://bucket/…, gs://…, https://…).</source>
        <translation>„%1“ ist keine Objekt-URL (s3://bucket/…, gs://…, https://…).</translation>
    </message>
    <message>
        <source>The timeout is a duration such as 300s, 10m or 2h.</source>
        <translation>Der Timeout ist eine Dauer wie 300s, 10m oder 2h.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>Show the server&apos;s collections</source>
        <translation>Die Collections des Servers zeigen</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Prüfe den Schlüsselbund …</translation>
    </message>
    <message>
        <source>Kept in the OS keychain under this connection, for Retry; never in the history.</source>
        <translation>Im Schlüsselbund des Systems unter dieser Verbindung abgelegt, für Wiederholen; nie im Verlauf.</translation>
    </message>
    <message>
        <source>No keychain is available, so the keys are used for this request only. %1</source>
        <translation>Kein Schlüsselbund verfügbar, daher werden die Schlüssel nur für diese Anfrage verwendet. %1</translation>
    </message>
    <message>
        <source>A secret key needs its access key: enter both, or neither when the cluster may read the bucket by itself.</source>
        <translation>Ein Secret Key braucht seinen Access Key: Geben Sie beide ein oder keinen, wenn der Cluster den Bucket selbst lesen darf.</translation>
    </message>
    <message>
        <source>An access key needs its secret key: enter both, or neither when the cluster may read the bucket by itself.</source>
        <translation>Ein Access Key braucht seinen Secret Key: Geben Sie beide ein oder keinen, wenn der Cluster den Bucket selbst lesen darf.</translation>
    </message>
    <message>
        <source>“Start import” sends this same import again with the same key: a server that honours it (Milvus 2.6.24 or newer) names the job it made instead of importing the files twice.</source>
        <translation>„Import starten“ sendet denselben Import noch einmal mit demselben Schlüssel: Ein Server, der ihn beachtet (Milvus 2.6.24 oder neuer), nennt den Job, den er angelegt hat, statt die Dateien zweimal zu importieren.</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <source>Connection lost: %1</source>
        <translation>Verbindung verloren: %1</translation>
    </message>
    <message>
        <source>Connection back: %1</source>
        <translation>Verbindung wieder da: %1</translation>
    </message>
    <message>
        <source>Showing the last known state; retrying by itself.
%1</source>
        <translation>Zeige den letzten bekannten Stand; neuer Versuch erfolgt von selbst.
%1</translation>
    </message>
    <message>
        <source>Polling resumed.</source>
        <translation>Abfragen laufen wieder.</translation>
    </message>
    <message>
        <source>Import completed</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n imports completed on %1</source>
        <translation>
            <numerusform>%n Import auf %1 abgeschlossen</numerusform>
            <numerusform>%n Importe auf %1 abgeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1 into “%2” on %3.</source>
        <translation>Job %1 in „%2“ auf %3.</translation>
    </message>
    <message>
        <source>Click to see them.</source>
        <translation>Klicken, um sie anzuzeigen.</translation>
    </message>
    <message numerus="yes">
        <source>%n imports failed on %1</source>
        <translation>
            <numerusform>%n Import auf %1 fehlgeschlagen</numerusform>
            <numerusform>%n Importe auf %1 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Click to see the reasons.</source>
        <translation>Klicken, um die Gründe zu sehen.</translation>
    </message>
    <message>
        <source>Import expired on server</source>
        <translation>Import auf dem Server abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>%n imports expired on %1</source>
        <translation>
            <numerusform>%n Import auf %1 abgelaufen</numerusform>
            <numerusform>%n Importe auf %1 abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <source>The server forgot them; Bulkwatch keeps their last known state.</source>
        <translation>Der Server hat sie vergessen; Bulkwatch behält ihren letzten bekannten Stand.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Bericht kopieren</translation>
    </message>
    <message>
        <source>Import not moving on %1</source>
        <translation>Import kommt auf %1 nicht voran</translation>
    </message>
    <message>
        <source>Job %1 into “%2” has not moved for 1 minute.</source>
        <translation>Job %1 in „%2“ hat sich seit 1 Minute nicht bewegt.</translation>
    </message>
    <message>
        <source>Job %1 into “%2” has not moved for %3 minutes.</source>
        <translation>Job %1 in „%2“ hat sich seit %3 Minuten nicht bewegt.</translation>
    </message>
    <message>
        <source>Retry failed on %1</source>
        <translation>Wiederholen auf %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Import failed on %1</source>
        <translation>Import auf %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Job %1 into “%2” on %3: %4</source>
        <translation>Job %1 in „%2“ auf %3: %4</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>%1 is ready to search</source>
        <translation>%1 ist bereit für die Suche</translation>
    </message>
    <message>
        <source>Indexed and loaded on %1 after job %2.</source>
        <translation>Indexiert und geladen auf %1 nach Job %2.</translation>
    </message>
    <message>
        <source>Index failed on %1</source>
        <translation>Index fehlgeschlagen auf %1</translation>
    </message>
    <message>
        <source>The index of “%1” could not be built: %2</source>
        <translation>Der Index von „%1“ konnte nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>No answer to the retry on %1</source>
        <translation>Keine Antwort auf das Wiederholen auf %1</translation>
    </message>
</context>
<context>
    <name>ProgressBarDelegate</name>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>index failed</source>
        <translation>Index fehlgeschlagen</translation>
    </message>
    <message>
        <source>searchable</source>
        <translation>durchsuchbar</translation>
    </message>
    <message>
        <source>indexing</source>
        <translation>Indexaufbau</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No key was kept for this session.</source>
        <translation>Für diese Sitzung wurde kein Schlüssel behalten.</translation>
    </message>
    <message>
        <source>memory (this session only)</source>
        <translation>Arbeitsspeicher (nur diese Sitzung)</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>der Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>The keychain has no key for this connection. Edit the connection to enter it again.</source>
        <translation>Der Schlüsselbund hat keinen Schlüssel für diese Verbindung. Bearbeiten Sie die Verbindung, um ihn erneut einzugeben.</translation>
    </message>
    <message>
        <source>The keychain refused access to the key. Allow Bulkwatch in the keychain&apos;s prompt or settings.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf den Schlüssel verweigert. Erlauben Sie Bulkwatch in der Abfrage oder den Einstellungen des Schlüsselbunds.</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it (e.g. log in to the desktop session, or open “Passwords and Keys”) and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt. Entsperren Sie ihn (z. B. durch Anmelden an der Desktop-Sitzung oder in „Passwörter und Verschlüsselung“) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No usable keychain was found (a Secret Service such as GNOME Keyring or KWallet must be running and unlocked; on Debian/Ubuntu: install gnome-keyring and libsecret-1-0).</source>
        <translation>Es wurde kein nutzbarer Schlüsselbund gefunden (ein Secret Service wie GNOME Keyring oder KWallet muss laufen und entsperrt sein; unter Debian/Ubuntu: gnome-keyring und libsecret-1-0 installieren).</translation>
    </message>
    <message>
        <source>The keychain could not be used.</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Notify me when</source>
        <translation>Benachrichtigen, wenn</translation>
    </message>
    <message>
        <source>an import &amp;completes</source>
        <translation>ein Import &amp;abgeschlossen ist</translation>
    </message>
    <message>
        <source>an import &amp;fails</source>
        <translation>ein Import &amp;fehlschlägt</translation>
    </message>
    <message>
        <source>the server &amp;forgets a finished import (expired)</source>
        <translation>der Server einen beendeten Import &amp;vergisst (abgelaufen)</translation>
    </message>
    <message>
        <source>a connection is &amp;lost</source>
        <translation>eine Verbindung &amp;verloren geht</translation>
    </message>
    <message>
        <source>a connection is &amp;back</source>
        <translation>eine Verbindung &amp;wieder da ist</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>Im Systembereich weiterlaufen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Closing the window (with a tray):</source>
        <translation>Fenster schließen (mit Systembereich):</translation>
    </message>
    <message>
        <source>a running import has not &amp;moved for</source>
        <translation>ein laufender Import sich nicht &amp;bewegt hat seit</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes without movement</source>
        <translation>Minuten ohne Bewegung</translation>
    </message>
    <message>
        <source>Gentle — half as many requests</source>
        <translation>Sanft — halb so viele Anfragen</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Brisk — twice as often</source>
        <translation>Zügig — doppelt so oft</translation>
    </message>
    <message>
        <source>How often Bulkwatch asks the servers; never more than 20 requests per second per connection.</source>
        <translation>Wie oft Bulkwatch die Server fragt; nie mehr als 20 Anfragen pro Sekunde und Verbindung.</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Finished imports older than this are removed from Bulkwatch&apos;s history; nothing changes on the server.</source>
        <translation>Beendete Importe, die älter sind, werden aus dem Verlauf von Bulkwatch entfernt; auf dem Server ändert sich nichts.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Applied at the next start.</source>
        <translation>Wirkt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Polling pace:</source>
        <translation>&amp;Abfragetempo:</translation>
    </message>
    <message>
        <source>&amp;Keep finished imports:</source>
        <translation>Beendete Importe &amp;behalten:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Für immer</translation>
    </message>
    <message>
        <source>an imported collection is ready to &amp;search</source>
        <translation>eine importierte Collection für die &amp;Suche bereit ist</translation>
    </message>
    <message>
        <source>its &amp;index fails</source>
        <translation>ihr &amp;Index fehlschlägt</translation>
    </message>
</context>
<context>
    <name>StatusMessages</name>
    <message>
        <source>Status message</source>
        <translation>Statusmeldung</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show Bulkwatch</source>
        <translation>Bulkwatch anzeigen</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing running</source>
        <translation>nichts läuft</translation>
    </message>
</context>
<context>
    <name>UnconfirmedCreatesBar</name>
    <message>
        <source>The import of %1 started at %2 reached %3 as job %4.</source>
        <translation>Der um %2 gestartete Import in %1 hat %3 erreicht, als Job %4.</translation>
    </message>
    <message>
        <source>An import of %1 started at %2 may not have reached %3.</source>
        <translation>Ein um %2 gestarteter Import in %1 hat %3 vielleicht nicht erreicht.</translation>
    </message>
    <message>
        <source>Bulkwatch closed before the server answered. Resend it, or discard it if you know how it ended.</source>
        <translation>Bulkwatch wurde beendet, bevor der Server antwortete. Senden Sie ihn erneut, oder verwerfen Sie ihn, wenn Sie wissen, wie er ausging.</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Dateien: %1</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Sends the same request with the same Idempotency-Key. A server that honours the key (Milvus 2.6.24 or newer) answers with the job it made, if it made one, so the files cannot be imported twice. A server that ignores the key could import them a second time.</source>
        <translation>Sendet dieselbe Anfrage mit demselben Idempotency-Key. Ein Server, der den Schlüssel beachtet (Milvus 2.6.24 oder neuer), antwortet mit dem Job, den er angelegt hat, falls er einen angelegt hat; die Dateien können so nicht zweimal importiert werden. Ein Server, der den Schlüssel ignoriert, könnte sie ein zweites Mal importieren.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Forgets this import; nothing is sent to the server.</source>
        <translation>Vergisst diesen Import; an den Server wird nichts gesendet.</translation>
    </message>
    <message>
        <source>The import of %1 could not be sent again: %2</source>
        <translation>Der Import in %1 konnte nicht erneut gesendet werden: %2</translation>
    </message>
    <message>
        <source>The import of %1 was sent again.</source>
        <translation>Der Import in %1 wurde erneut gesendet.</translation>
    </message>
    <message>
        <source>The import of %1 was discarded.</source>
        <translation>Der Import in %1 wurde verworfen.</translation>
    </message>
    <message>
        <source>The import of %1: %2</source>
        <translation>Der Import von %1: %2</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Add &amp;connection…</source>
        <translation>&amp;Verbindung hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit connection…</source>
        <translation>Verbindung &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove connection…</source>
        <translation>Verbindung &amp;entfernen …</translation>
    </message>
    <message>
        <source>&amp;Watch job by ID…</source>
        <translation>Job per ID &amp;beobachten …</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Copy error</source>
        <translation>Fehler &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;support report</source>
        <translation>&amp;Support-Bericht kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport selection…</source>
        <translation>Auswahl e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Remove from &amp;history</source>
        <translation>Aus dem &amp;Verlauf entfernen</translation>
    </message>
    <message>
        <source>&amp;New import…</source>
        <translation>&amp;Neuer Import …</translation>
    </message>
    <message>
        <source>Re&amp;try import</source>
        <translation>Import &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Commit import…</source>
        <translation>Import &amp;committen …</translation>
    </message>
    <message>
        <source>A&amp;bort import…</source>
        <translation>Import a&amp;bbrechen …</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Bulkwatch</source>
        <translation>&amp;Über Bulkwatch</translation>
    </message>
    <message>
        <source>About Bulkwatch</source>
        <translation>Über Bulkwatch</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bulkwatch %1&lt;/b&gt;&lt;p&gt;A desktop monitor for bulk-import jobs on Zilliz Cloud and Milvus.&lt;/p&gt;&lt;p&gt;API keys are kept in the system keychain only.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Bulkwatch %1&lt;/b&gt;&lt;p&gt;Ein Desktop-Monitor für Bulk-Import-Jobs auf Zilliz Cloud und Milvus.&lt;/p&gt;&lt;p&gt;API-Schlüssel werden nur im Schlüsselbund des Systems aufbewahrt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>New import</source>
        <translation>Neuer Import</translation>
    </message>
    <message>
        <source>Watch ID</source>
        <translation>ID beobachten</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Monitor bulk-import jobs on Zilliz Cloud and Milvus.</source>
        <translation>Bulk-Import-Jobs auf Zilliz Cloud und Milvus beobachten.</translation>
    </message>
    <message>
        <source>Open on a built-in simulated server (no account, no network).</source>
        <translation>Mit einem eingebauten, simulierten Server öffnen (kein Konto, kein Netzwerk).</translation>
    </message>
    <message>
        <source>Use this history database.</source>
        <translation>Diese Verlaufsdatenbank verwenden.</translation>
    </message>
    <message>
        <source>The demo server could not start on 127.0.0.1.</source>
        <translation>Der Demo-Server konnte auf 127.0.0.1 nicht starten.</translation>
    </message>
    <message>
        <source>Continue without a history for this session?</source>
        <translation>Für diese Sitzung ohne Verlauf fortfahren?</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>the key of &apos;%1&apos; was kept for a window session only; set BULKWATCH_API_KEY or use --api-key-stdin</source>
        <translation>der Schlüssel von „%1“ galt nur für eine Fenstersitzung; setzen Sie BULKWATCH_API_KEY oder verwenden Sie --api-key-stdin</translation>
    </message>
    <message>
        <source>cannot read the key of &apos;%1&apos; from the keychain: %2</source>
        <translation>der Schlüssel von „%1“ lässt sich nicht aus dem Schlüsselbund lesen: %2</translation>
    </message>
    <message>
        <source>no saved connection named &apos;%1&apos; (see &apos;bulkwatch connections&apos;)</source>
        <translation>keine gespeicherte Verbindung namens „%1“ (siehe „bulkwatch connections“)</translation>
    </message>
    <message>
        <source>it did not answer within 15 seconds</source>
        <translation>er hat nicht innerhalb von 15 Sekunden geantwortet</translation>
    </message>
    <message>
        <source>No saved connections. Add one in the window.
</source>
        <translation>Keine gespeicherten Verbindungen. Legen Sie eine im Fenster an.
</translation>
    </message>
    <message>
        <source>Continue without history</source>
        <translation>Ohne Verlauf fortfahren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
</TS>
