; Inno Setup 6 script for Quầy Một Cửa: installs the PyInstaller onedir bundle.
; NOT BUILT YET (no Windows build machine): see docs/packaging.md, "Windows (later)".
;
; On Windows, from the repository root, after building the bundle there (dist\QuayMotCua\):
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\installer.iss
; gives dist\QuayMotCua-0.1.0-setup.exe.
;
; Per-user install by default (no administrator needed, as on most commune PCs), into
; %LOCALAPPDATA%\Programs\QuayMotCua; an administrator may choose "all users" (Program Files).
; The clerk's data (database, settings, printed PDFs) lives elsewhere, in %LOCALAPPDATA%\QuayMotCua
; (counter_app/services/profile.py default_data_dir), and is NEVER touched by the uninstaller:
; there is deliberately no [UninstallDelete] or [Code] that could remove it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Quầy Một Cửa"
#define AppExe "QuayMotCua.exe"
#define CliExe "quay-mot-cua.exe"
#define BundleDir "..\..\dist\QuayMotCua"

[Setup]
; A fixed AppId keeps upgrades in place; never change it after the first release.
AppId={{6F1C2B7E-3D4A-4E8B-9C1F-5A7D2E0B8C43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Quầy Một Cửa
DefaultDirName={autopf}\QuayMotCua
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=QuayMotCua-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Close a running copy before files are replaced (an open SQLite database is not at risk: the
; database is in the data folder, not in {app}).
CloseApplications=yes
RestartApplications=no

[Languages]
; Inno Setup ships no Vietnamese messages file; add an unofficial Vietnamese.isl here when one
; has been reviewed.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole onedir bundle: both executables and _internal\. Replaced as a whole on upgrade.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that the new bundle no longer has (a stale DLL next to new ones).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Administrators set the workstation up with the console executable, e.g.
;   "{app}\quay-mot-cua.exe" init --agency-code 000.00.06.H56 --agency-name "…" --workstation 1
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: uninstalling removes exactly what [Files] installed, so
; %LOCALAPPDATA%\QuayMotCua (the dossiers) stays for a reinstall or a backup.
