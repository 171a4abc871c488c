import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Catches a view that failed to render or whose code failed to download (a new release replaced
 * the chunk); the fallback offers a retry instead of a blank page.
 */
export class ErrorBoundary extends Component<{ fallback: (error: unknown, reset: () => void) => ReactNode; resetKey?: string; children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[tab] view failed', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return this.props.children;
  }
}
