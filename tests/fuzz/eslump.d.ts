declare module 'eslump' {
  export function generateRandomJS(options?: {
    sourceType?: 'module' | 'script';
    maxDepth?: number;
    comments?: boolean;
    whitespace?: boolean;
  }): string;
}
