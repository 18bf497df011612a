import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The baseline of bench/socket-benchmark.sh: a WebSocket server that does nothing, on the same
 * Netty (the jars are taken from Convene's own jar) with the gateway's thread counts (1 boss,
 * 2 workers, NIO) and frame/body limits (1 MiB). The difference between its per-connection cost
 * and Convene's is what Socket.IO, the token check, the session and presence add per socket.
 *   java -cp <netty jars> bench/NoopWebSocketServer.java [PORT]
 */
public class NoopWebSocketServer {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18082;
        NioEventLoopGroup boss = new NioEventLoopGroup(1);
        NioEventLoopGroup workers = new NioEventLoopGroup(2);
        try {
            new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                    new WebSocketServerProtocolHandler("/ws", null, false, 1 << 20),
                                    new SimpleChannelInboundHandler<WebSocketFrame>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                            // no-op: frames are read and dropped
                                        }
                                    });
                        }
                    })
                    .bind("127.0.0.1", port).sync();
            System.out.println("no-op WebSocket server on 127.0.0.1:" + port + "/ws");
            Thread.currentThread().join();
        } finally {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
        }
    }
}
