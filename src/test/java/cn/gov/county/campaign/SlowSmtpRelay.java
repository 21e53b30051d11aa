package cn.gov.county.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A TCP relay to a mail server (GreenMail) that holds every chunk the server sends for a while: a slow SMTP server. */
public final class SlowSmtpRelay implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> open = new ArrayList<>();

  public SlowSmtpRelay(int target, long delayMillis) throws IOException {
    socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
          synchronized (open) {
            open.add(client);
            open.add(server);
          }
          pump(client.getInputStream(), server.getOutputStream(), 0);
          pump(server.getInputStream(), client.getOutputStream(), delayMillis);
        } catch (IOException e) {
          // closed
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  private static void pump(InputStream in, OutputStream out, long delayMillis) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (in; out) {
        for (int n; (n = in.read(buffer)) >= 0;) {
          if (delayMillis > 0) {
            Thread.sleep(delayMillis);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side closed
      }
    });
    pump.setDaemon(true);
    pump.start();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (open) {
      for (Socket s : open) {
        s.close();
      }
    }
  }
}
