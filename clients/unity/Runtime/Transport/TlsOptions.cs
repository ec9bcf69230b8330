// TLS to login and game (and https to appmgr): the system's trust by default; CaCertificate trusts a private CA (a
// dev or staging cluster) for TCP+TLS and https; Validate replaces the check entirely. ClientWebSocket (wss) offers
// no per-connection hook in .NET Standard 2.0: a private CA must be in the platform's trust store there (mono:
// `cert-sync --user ca.crt`).
using System;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace GameCluster.Client
{
    public sealed class TlsOptions
    {
        /// <summary>The name checked against the server's certificate (default: the host dialed).</summary>
        public string ServerName;
        /// <summary>A private CA the server certificates chain to (in addition to the system's trust).</summary>
        public X509Certificate2 CaCertificate;
        /// <summary>TLS 1.2 by default (what every runtime Unity ships offers; the servers accept 1.2 and 1.3).</summary>
        public SslProtocols Protocols = SslProtocols.Tls12;
        /// <summary>Replaces the whole certificate check when set.</summary>
        public Func<X509Certificate, X509Chain, SslPolicyErrors, bool> Validate;

        internal bool Check(X509Certificate cert, X509Chain chain, SslPolicyErrors errors)
        {
            if (Validate != null) return Validate(cert, chain, errors);
            if (errors == SslPolicyErrors.None) return true;
            if (CaCertificate == null || cert == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
            // Only the chain failed: does it chain to our CA? (Name mismatches and missing certificates never pass.)
            using (var c = new X509Chain())
            {
                c.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                c.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                c.ChainPolicy.ExtraStore.Add(CaCertificate);
                var leaf = cert as X509Certificate2 ?? new X509Certificate2(cert);
                if (!c.Build(leaf)) return false;
                var root = c.ChainElements[c.ChainElements.Count - 1].Certificate;
                return root.Thumbprint == CaCertificate.Thumbprint;
            }
        }
    }
}
