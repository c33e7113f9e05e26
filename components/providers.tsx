"use client";
// TanStack Query where it is used, not at the root: the few client components that fetch wrap
// themselves with withQueryClient, so pages without them load no query library.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ComponentType } from "react";

export function withQueryClient<P extends object>(Component: ComponentType<P>) {
  function WithQueryClient(props: P) {
    const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
    return (
      <QueryClientProvider client={client}>
        <Component {...props} />
      </QueryClientProvider>
    );
  }
  WithQueryClient.displayName = `withQueryClient(${Component.displayName ?? Component.name})`;
  return WithQueryClient;
}
