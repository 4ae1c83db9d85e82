package nnlab.kernel;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of compiled cells so they can be stopped: a call to {@link StopCheck#check()}
 * at the start of every method and before every backward jump (every loop iteration), and
 * {@code System.exit}/{@code Runtime.exit}/{@code Runtime.halt} replaced by {@link StopCheck#refuseExit}.
 * Only stack-neutral calls are inserted away from jump targets, so the existing stack map frames
 * stay valid and need no recomputation.
 */
final class StopInstrumenter {
    private static final String CHECK_OWNER = StopCheck.class.getName().replace('.', '/');

    private StopInstrumenter() {}

    static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new CheckInserter(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class CheckInserter extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        CheckInserter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (seen.contains(target)) {
                check();
            }
            super.visitJumpInsn(opcode, target);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (anySeen(dflt, labels)) {
                check();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (anySeen(dflt, labels)) {
                check();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            boolean systemExit = opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit");
            boolean runtimeExit = opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt"));
            if (systemExit) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, CHECK_OWNER, "refuseExit", "(I)V", false);
            } else if (runtimeExit) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, CHECK_OWNER, "refuseExit", "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private boolean anySeen(Label dflt, Label[] labels) {
            if (seen.contains(dflt)) {
                return true;
            }
            for (Label label : labels) {
                if (seen.contains(label)) {
                    return true;
                }
            }
            return false;
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CHECK_OWNER, "check", "()V", false);
        }
    }
}
