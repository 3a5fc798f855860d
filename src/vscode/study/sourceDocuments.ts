// Read-only documents for the files shipped inside the extension that study mode opens: the
// core's sources (src/core/**/*.ts, for "Show Code for Event") and the lessons (media/lessons).
// Served by a content provider, so they open read-only from an installed VSIX as from a checkout.
import * as vscode from 'vscode';

export const SOURCE_SCHEME = 'raft-source';

/** The only folders of the extension these documents may come from. */
const SHIPPED = ['src/core/', 'media/lessons/'] as const;

export class ShippedFiles implements vscode.TextDocumentContentProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  static register(extensionUri: vscode.Uri): { files: ShippedFiles; registration: vscode.Disposable } {
    const files = new ShippedFiles(extensionUri);
    return { files, registration: vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, files) };
  }

  /** The read-only document URI of a shipped file, e.g. `src/core/raft/election.ts`. */
  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${path}` });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return this.read(uri.path.replace(/^\/+/, ''));
  }

  async read(path: string): Promise<string> {
    if (!SHIPPED.some((folder) => path.startsWith(folder)) || path.split('/').includes('..')) {
      throw new Error(`${path} is not one of the files Raft Cluster ships for study (the core's sources and the lessons).`);
    }
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...path.split('/')));
    return new TextDecoder().decode(bytes);
  }

  /** Paths of the files under `folder` (recursively) whose names end with `suffix`. */
  async list(folder: string, suffix: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const [name, type] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(this.extensionUri, ...dir.split('/')))) {
        const path = `${dir}/${name}`;
        if (type & vscode.FileType.Directory) await walk(path);
        else if (name.endsWith(suffix)) out.push(path);
      }
    };
    await walk(folder);
    return out.sort();
  }
}
